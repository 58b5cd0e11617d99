/* The plain C reference for `make bench`: the text of the reference handout laid out greedily
 * with Pango and drawn with Cairo into an in-memory PDF, one font map for the whole run. No
 * tags, no logo, no QR code, no drawings: what Pango and Cairo cost for comparable text.
 *
 *   reference TEXT [--docs N] [-o FILE]
 *
 * TEXT holds one paragraph per line; a line starting with "# " is a heading. Each document
 * starts with its own client line, so no document is a copy of another. Prints one line:
 *   docs=N seconds=S docs_per_s=R mean_bytes=B pages=P
 * Built by scripts/bench: gcc -O2 reference.c $(pkg-config --cflags --libs pangocairo). */
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { unsigned char *data; size_t size, capacity; } Buffer;

static cairo_status_t append(void *closure, const unsigned char *data, unsigned int length) {
  Buffer *buffer = closure;
  if (buffer->size + length > buffer->capacity) {
    size_t capacity = buffer->capacity ? buffer->capacity : 65536;
    while (capacity < buffer->size + length) capacity *= 2;
    unsigned char *grown = realloc(buffer->data, capacity);
    if (!grown) return CAIRO_STATUS_NO_MEMORY;
    buffer->data = grown;
    buffer->capacity = capacity;
  }
  memcpy(buffer->data + buffer->size, data, length);
  buffer->size += length;
  return CAIRO_STATUS_SUCCESS;
}

static char *read_all(const char *path) {
  FILE *file = fopen(path, "rb");
  if (!file) return NULL;
  fseek(file, 0, SEEK_END);
  long size = ftell(file);
  fseek(file, 0, SEEK_SET);
  char *text = malloc(size + 1);
  if (!text || fread(text, 1, size, file) != (size_t)size) { fclose(file); free(text); return NULL; }
  text[size] = 0;
  fclose(file);
  return text;
}

enum { page_width = 612, page_height = 792, margin = 72 };

/* One document: the client line, then every paragraph, greedily onto Letter pages. */
static int render(PangoContext *context, char **lines, int count, int index, Buffer *out,
                  PangoFontDescription *body, PangoFontDescription *heading) {
  out->size = 0;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(append, out, page_width, page_height);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2023-11-14T22:13:20Z");
  cairo_t *cr = cairo_create(surface);
  pango_cairo_update_context(cr, context);
  PangoLayout *layout = pango_layout_new(context);
  pango_layout_set_width(layout, (page_width - 2 * margin) * PANGO_SCALE);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
  double y = margin;
  int pages = 1;
  char client[64];
  snprintf(client, sizeof client, "Prepared for Client %05d", index);
  for (int i = -1; i < count; i++) {
    const char *text = i < 0 ? client : lines[i];
    int is_heading = strncmp(text, "# ", 2) == 0;
    if (is_heading) text += 2;
    pango_layout_set_font_description(layout, is_heading ? heading : body);
    pango_layout_set_text(layout, text, -1);
    int width, height;
    pango_layout_get_size(layout, &width, &height);
    double h = (double)height / PANGO_SCALE;
    if (y + h > page_height - margin && y > margin) {
      cairo_show_page(cr);
      pages++;
      y = margin;
    }
    cairo_move_to(cr, margin, y);
    pango_cairo_show_layout(cr, layout);
    y += h + (is_heading ? 4 : 6);
  }
  g_object_unref(layout);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  int failed = cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(surface);
  return failed ? -1 : pages;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: reference TEXT [--docs N] [-o FILE]\n"); return 64; }
  int docs = 100;
  const char *output = NULL;
  for (int i = 2; i + 1 < argc; i++) {
    if (strcmp(argv[i], "--docs") == 0) docs = atoi(argv[++i]);
    else if (strcmp(argv[i], "-o") == 0) output = argv[++i];
  }
  char *text = read_all(argv[1]);
  if (!text) { fprintf(stderr, "reference: cannot read %s\n", argv[1]); return 66; }
  int capacity = 64, count = 0;
  char **lines = malloc(capacity * sizeof *lines);
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
    if (!*line) continue;
    if (count == capacity) lines = realloc(lines, (capacity *= 2) * sizeof *lines);
    lines[count++] = line;
  }
  PangoFontMap *map = pango_cairo_font_map_new();
  PangoContext *context = pango_font_map_create_context(map);
  PangoFontDescription *body = pango_font_description_from_string("Noto Sans 11");
  PangoFontDescription *heading = pango_font_description_from_string("Noto Sans Bold 14");
  Buffer out = {0};
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  long bytes = 0;
  int pages = 0;
  for (int index = 0; index < docs; index++) {
    pages = render(context, lines, count, index, &out, body, heading);
    if (pages < 0) { fprintf(stderr, "reference: cairo failed\n"); return 1; }
    bytes += out.size;
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
  if (output) {
    FILE *file = fopen(output, "wb");
    if (!file || fwrite(out.data, 1, out.size, file) != out.size) { fprintf(stderr, "reference: cannot write %s\n", output); return 73; }
    fclose(file);
  }
  printf("docs=%d seconds=%.3f docs_per_s=%.1f mean_bytes=%ld pages=%d\n", docs, seconds, docs / seconds,
         bytes / (docs ? docs : 1), pages);
  return 0;
}
