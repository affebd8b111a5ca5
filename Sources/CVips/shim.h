#ifndef SALVE_CVIPS_SHIM_H
#define SALVE_CVIPS_SHIM_H
#include <vips/vips.h>

/* Swift cannot call C's variadic functions, and most of libvips' API is variadic (optional arguments
 * as name/value pairs ending in NULL). These wrappers fix the arguments Salve uses. Only the Media
 * module imports this. */

static inline void salve_vips_ignore_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

/* Starts libvips. Call once (Media does, from a Swift global, whose initialisation runs once and is
 * thread-safe). Salve spreads images over the cores itself, one image a worker, so vips gets one
 * thread an image; its operation cache is off, so memory is what the images being worked on take. */
static inline int salve_vips_start(void) {
    if (VIPS_INIT("salve")) return -1;
    /* vips' warnings (a colour profile it ignores…) would be printed amid Salve's diagnostics;
     * failures still come back as errors. */
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, salve_vips_ignore_log, NULL);
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
    return 0;
}

/* Opens an image lazily: only its header is read until pixels are asked for. */
static inline VipsImage *salve_vips_open(const char *path) {
    return vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
}

/* A copy of the image at `width` pixels wide (never wider than the original), decoded with
 * shrink-on-load where the format allows and turned upright by its EXIF orientation. `all_pages`
 * keeps every frame of an animated GIF or WebP. */
static inline VipsImage *salve_vips_thumbnail(const char *path, int width, int all_pages) {
    VipsImage *out = NULL;
    /* Loader options go in brackets after the file name ("x.gif[n=-1]": every frame). */
    char *name = all_pages ? g_strdup_printf("%s[n=-1]", path) : g_strdup(path);
    int failed = vips_thumbnail(name, &out, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, NULL);
    g_free(name);
    return failed ? NULL : out;
}

/* Encodes `image` in the format and with the options `suffix` names (".webp[Q=80,strip]"). The
 * buffer is freed with salve_vips_free. */
static inline int salve_vips_encode(VipsImage *image, const char *suffix, void **buffer, size_t *length) {
    /* The savers' "strip" option is not enough: vips 8.14's WebP saver writes EXIF (with GPS
     * location) even with it. So every EXIF, XMP and IPTC field is removed from a copy first. */
    VipsImage *copy = NULL;
    if (vips_copy(image, &copy, NULL)) return -1;
    char **names = vips_image_get_fields(copy);
    for (int i = 0; names != NULL && names[i] != NULL; i++) {
        if (g_str_has_prefix(names[i], "exif") || g_str_has_prefix(names[i], "xmp")
            || g_str_has_prefix(names[i], "iptc") || g_str_has_prefix(names[i], "gps")) {
            vips_image_remove(copy, names[i]);
        }
    }
    g_strfreev(names);
    int failed = vips_image_write_to_buffer(copy, suffix, buffer, length, NULL);
    g_object_unref(copy);
    return failed;
}

/* Encodes `image` as a JPEG keeping its metadata: tests use it to make a photo with GPS EXIF. */
static inline int salve_vips_save_jpeg_with_metadata(VipsImage *image, const char *path) {
    return vips_jpegsave(image, path, NULL);
}

/* A solid image of `bands` bands filled with `value`, `width` by `height` pixels: test pictures. */
static inline VipsImage *salve_vips_solid(int width, int height, int bands, double value) {
    VipsImage *black = NULL, *lit = NULL, *out = NULL;
    if (vips_black(&black, width, height, "bands", bands, NULL)) return NULL;
    int failed = vips_linear1(black, &lit, 1.0, value, NULL);
    g_object_unref(black);
    if (failed) return NULL;
    failed = vips_cast_uchar(lit, &out, NULL);
    g_object_unref(lit);
    if (failed) return NULL;
    if (bands >= 3) vips_image_set_int(out, "interpretation", VIPS_INTERPRETATION_sRGB);
    return out;
}

/* Opens an image held in memory (read lazily, like salve_vips_open). */
static inline VipsImage *salve_vips_open_buffer(const void *bytes, size_t length) {
    return vips_image_new_from_buffer(bytes, length, "", NULL);
}

static inline int salve_vips_write_file(VipsImage *image, const char *path) {
    return vips_image_write_to_file(image, path, NULL);
}

static inline void salve_vips_release(VipsImage *image) { g_object_unref(image); }
static inline void salve_vips_free(void *buffer) { g_free(buffer); }

/* The last error's text, cleared; the caller frees it with salve_vips_free. vips' error buffer is
 * shared by all threads, so the text may mix in another worker's error; it is only ever shown.
 * Copied and cleared under vips' lock, so another thread's error cannot change it half way. */
static inline char *salve_vips_take_error(void) {
    return vips_error_buffer_copy();
}

/* The names of an image's metadata fields, NULL-terminated; freed with salve_vips_free_names. */
static inline char **salve_vips_field_names(VipsImage *image) { return vips_image_get_fields(image); }
static inline void salve_vips_free_names(char **names) { g_strfreev(names); }

/* SHA-256 over a file's bytes, streamed, through GLib (already linked by vips). */
static inline GChecksum *salve_sha256_new(void) { return g_checksum_new(G_CHECKSUM_SHA256); }
static inline void salve_sha256_update(GChecksum *sum, const unsigned char *bytes, size_t length) {
    g_checksum_update(sum, bytes, (gssize)length);
}
/* The digest in lowercase hex (64 characters); valid until salve_sha256_free. */
static inline const char *salve_sha256_hex(GChecksum *sum) { return g_checksum_get_string(sum); }
static inline void salve_sha256_free(GChecksum *sum) { g_checksum_free(sum); }

#endif
