#ifndef SALVE_CCMARK_SHIM_H
#define SALVE_CCMARK_SHIM_H
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

/* An arena for one document's cmark allocations. cmark allocates every node, literal and buffer
 * separately through calloc and frees them one by one; on a large site that was a tenth of the
 * time. With an arena, allocation is a pointer bump and the whole document is freed at once.
 *
 * cmark's allocator functions take no context, so the arena new allocations come from is set per
 * thread (salve_arena_use) around each cmark call that may allocate. Every block records its size
 * for realloc. */

typedef struct salve_arena_chunk {
    struct salve_arena_chunk *next;
    size_t used;
    size_t size;
    size_t padding; /* keeps data 16-byte aligned */
    char data[];
} salve_arena_chunk;

typedef struct salve_arena {
    salve_arena_chunk *head;
} salve_arena;

static _Thread_local salve_arena *salve_arena_current = NULL;

static inline void *salve_arena_alloc(size_t size) {
    salve_arena *arena = salve_arena_current;
    size_t payload = (size + 15) & ~(size_t)15;
    size_t total = payload + 16;
    if (arena == NULL) abort(); /* a cmark call that allocates ran without salve_arena_use */
    if (arena->head == NULL || arena->head->used + total > arena->head->size) {
        size_t capacity = total > 32768 ? total : 65536 - sizeof(salve_arena_chunk);
        salve_arena_chunk *chunk = (salve_arena_chunk *)malloc(sizeof(salve_arena_chunk) + capacity);
        if (chunk == NULL) abort();
        chunk->next = arena->head;
        chunk->used = 0;
        chunk->size = capacity;
        arena->head = chunk;
    }
    char *block = arena->head->data + arena->head->used;
    arena->head->used += total;
    *(size_t *)block = size;
    return block + 16;
}

static inline void *salve_arena_calloc(size_t count, size_t size) {
    size_t bytes = count * size;
    void *block = salve_arena_alloc(bytes);
    memset(block, 0, bytes);
    return block;
}

static inline void *salve_arena_realloc(void *old, size_t size) {
    if (old == NULL) return salve_arena_alloc(size);
    size_t old_size = *(size_t *)((char *)old - 16);
    /* A growing buffer is usually the latest block: extend it where it is. */
    salve_arena_chunk *head = salve_arena_current != NULL ? salve_arena_current->head : NULL;
    size_t old_payload = (old_size + 15) & ~(size_t)15;
    size_t new_payload = (size + 15) & ~(size_t)15;
    if (head != NULL && (char *)old + old_payload == head->data + head->used
        && (size_t)((char *)old - head->data) + new_payload <= head->size) {
        head->used = (size_t)((char *)old - head->data) + new_payload;
        *(size_t *)((char *)old - 16) = size;
        return old;
    }
    void *block = salve_arena_alloc(size);
    memcpy(block, old, old_size < size ? old_size : size);
    return block;
}

static inline void salve_arena_free(void *block) { (void)block; }

static inline cmark_mem *salve_arena_allocator(void) {
    static cmark_mem allocator = {salve_arena_calloc, salve_arena_realloc, salve_arena_free};
    return &allocator;
}

static inline salve_arena *salve_arena_new(void) {
    salve_arena *arena = (salve_arena *)calloc(1, sizeof(salve_arena));
    if (arena == NULL) abort();
    return arena;
}

/* Makes `arena` (or none, with NULL) the one new allocations on this thread come from; returns the
 * previous one, to be restored. */
static inline salve_arena *salve_arena_use(salve_arena *arena) {
    salve_arena *previous = salve_arena_current;
    salve_arena_current = arena;
    return previous;
}

static inline void salve_arena_free_all(salve_arena *arena) {
    salve_arena_chunk *chunk = arena->head;
    while (chunk != NULL) {
        salve_arena_chunk *next = chunk->next;
        free(chunk);
        chunk = next;
    }
    free(arena);
}

#endif
