package io.pulsereports.render.mustache.internal;

import java.util.Locale;

/**
 * The colour scale of heatmaps, shared by the HTML table and the PNG chart so both read the same:
 * a linear blend from the page background (a count of 0) to the house accent (the largest count).
 * Plain RGB integers, so using it never loads AWT.
 */
public final class HeatmapPalette {

  /** The colour of 0. */
  public static final int LOW = 0xF5F7FA;

  /** The colour of the largest count. */
  public static final int HIGH = 0x2F6FDE;

  /** Text on a cell: the page's ink, or white where white contrasts more (WCAG 2 contrast ratio). */
  static final int INK = 0x1F2933;
  static final int INK_ON_DARK = 0xFFFFFF;

  private HeatmapPalette() {}

  /** The share of a count in the largest count, in [0, 1]; 0 when the largest is not positive. */
  public static double share(double value, double max) {
    if (max <= 0 || value <= 0) {
      return 0;
    }
    return Math.min(1, value / max);
  }

  /** The cell colour of a share in [0, 1] as RGB. */
  public static int rgb(double share) {
    double s = Math.max(0, Math.min(1, share));
    return channel(LOW >> 16, HIGH >> 16, s) << 16 | channel(LOW >> 8, HIGH >> 8, s) << 8 | channel(LOW, HIGH, s);
  }

  /** The cell colour as CSS, {@code #rrggbb}. */
  static String background(double share) {
    return hex(rgb(share));
  }

  /** The text colour, ink or white, that contrasts more with {@link #background}. */
  static String text(double share) {
    double cell = luminance(rgb(share));
    double onInk = contrast(cell, luminance(INK));
    double onWhite = contrast(cell, luminance(INK_ON_DARK));
    return hex(onWhite > onInk ? INK_ON_DARK : INK);
  }

  /** WCAG 2 relative luminance of an sRGB colour. */
  static double luminance(int rgb) {
    return 0.2126 * linear(rgb >> 16) + 0.7152 * linear(rgb >> 8) + 0.0722 * linear(rgb);
  }

  static double contrast(double a, double b) {
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  private static double linear(int channel) {
    double c = (channel & 0xFF) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  private static int channel(int low, int high, double share) {
    int from = low & 0xFF;
    int to = high & 0xFF;
    return (int) Math.round(from + (to - from) * share);
  }

  private static String hex(int rgb) {
    return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
  }
}
