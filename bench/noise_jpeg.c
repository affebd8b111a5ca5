/* Writes a 2000x1500 photo-like JPEG (smoothed noise, so it compresses like a photo rather than a
 * flat colour) for bench/media.py: cc noise_jpeg.c $(pkg-config --cflags --libs vips) */
#include <vips/vips.h>

int main(int argc, char **argv) {
    if (argc != 2 || VIPS_INIT(argv[0])) return 1;
    VipsImage *noise, *blurred, *lit, *out;
    if (vips_gaussnoise(&noise, 2000, 1500, "sigma", 60.0, "mean", 128.0, NULL)) return 1;
    if (vips_gaussblur(noise, &blurred, 1.2, NULL)) return 1;
    VipsImage *bands[3] = {blurred, blurred, blurred};
    if (vips_bandjoin(bands, &lit, 3, NULL)) return 1;
    if (vips_cast_uchar(lit, &out, NULL)) return 1;
    vips_image_set_int(out, "interpretation", VIPS_INTERPRETATION_sRGB);
    if (vips_jpegsave(out, argv[1], "Q", 90, NULL)) return 1;
    return 0;
}
