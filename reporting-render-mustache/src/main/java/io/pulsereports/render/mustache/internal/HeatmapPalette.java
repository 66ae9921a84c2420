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

  /** Text on a cell: the page's ink, or white on cells darker than this share. */
  static final int INK = 0x1F2933;
  static final int INK_ON_DARK = 0xFFFFFF;
  private static final double DARK_FROM = 0.6;

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

  /** The text colour that stays readable on {@link #background}. */
  static String text(double share) {
    return hex(share >= DARK_FROM ? INK_ON_DARK : INK);
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
