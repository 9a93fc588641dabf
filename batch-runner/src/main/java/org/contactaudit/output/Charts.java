package org.contactaudit.output;

import static org.contactaudit.output.Html.escape;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Charts as inline SVG, drawn here: no script, no font, nothing fetched. Every chart has a title
 * and a description that repeats all its figures as text, for screen readers and for search; every
 * bar also carries its figure as visible text.
 */
final class Charts {

  /**
   * One bar of a chart.
   *
   * @param label what the bar counts
   * @param value its height or length
   * @param text the figure shown with it (such as "1,234 (12.3%)")
   * @param tone the CSS class that colours it
   */
  record Bar(String label, long value, String text, String tone) {}

  private static final int WIDTH = 720;
  private static final int LABEL_WIDTH = 230;
  private static final int TEXT_WIDTH = 150;
  private static final int ROW = 26;
  private static final int BAR = 18;
  private static final int LABEL_CHARS = 34;

  private static final int PLOT_HEIGHT = 150;
  private static final int VALUE_SPACE = 20;
  private static final int AXIS_SPACE = 44;
  private static final int MAX_COLUMN = 64;

  private Charts() {}

  /**
   * A horizontal bar chart, one row per bar, in the given order.
   *
   * @param id a unique id for the chart (letters, digits and dashes)
   * @param title what the chart shows
   * @param bars the bars; must not be empty
   */
  static String bars(String id, String title, List<Bar> bars) {
    int height = bars.size() * ROW + 8;
    long max = max(bars);
    int room = WIDTH - LABEL_WIDTH - TEXT_WIDTH - 16;
    StringBuilder svg = open(id, title, bars, height);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int top = 4 + i * ROW + (ROW - BAR) / 2;
      int middle = top + BAR / 2;
      int length = length(bar.value(), max, room);
      svg.append("<g><title>").append(escape(bar.label() + ": " + bar.text())).append("</title>");
      text(svg, LABEL_WIDTH - 8, middle, "end", "label", shorten(bar.label(), LABEL_CHARS));
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"2\" class=\"%s\"/>",
              LABEL_WIDTH,
              top,
              length,
              BAR,
              escape(bar.tone())));
      text(svg, LABEL_WIDTH + length + 6, middle, "start", "figure", bar.text());
      svg.append("</g>");
    }
    return svg.append("</svg>").toString();
  }

  /**
   * A histogram: one column per bucket, in the given order, the bucket's label below and its figure
   * above.
   *
   * @param id a unique id for the chart (letters, digits and dashes)
   * @param title what the chart shows
   * @param axis what the buckets are, written under them
   * @param bars the buckets; must not be empty
   */
  static String columns(String id, String title, String axis, List<Bar> bars) {
    int height = VALUE_SPACE + PLOT_HEIGHT + AXIS_SPACE;
    long max = max(bars);
    double slot = (WIDTH - 16) / (double) bars.size();
    int width = (int) Math.max(2, Math.min(MAX_COLUMN, slot * 0.7));
    int labelChars = Math.max(3, (int) (slot / 6.5));
    int base = VALUE_SPACE + PLOT_HEIGHT;
    StringBuilder svg = open(id, title, bars, height);
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"8\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
            base,
            WIDTH - 8,
            base));
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int centre = (int) Math.round(8 + slot * i + slot / 2);
      int tall = length(bar.value(), max, PLOT_HEIGHT);
      svg.append("<g><title>").append(escape(bar.label() + ": " + bar.text())).append("</title>");
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"%s\"/>",
              centre - width / 2,
              base - tall,
              width,
              tall,
              escape(bar.tone())));
      text(svg, centre, base - tall - 10, "middle", "figure", bar.text());
      text(svg, centre, base + 15, "middle", "label", shorten(bar.label(), labelChars));
      svg.append("</g>");
    }
    text(svg, WIDTH / 2, height - 6, "middle", "axis-label", axis);
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String id, String title, List<Bar> bars, int height) {
    String description =
        bars.stream().map(b -> b.label() + ": " + b.text()).collect(Collectors.joining("; "));
    return new StringBuilder(1024)
        .append(
            String.format(
                Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\""
                    + " aria-labelledby=\"%s-title %s-desc\">",
                WIDTH,
                height,
                WIDTH,
                height,
                id,
                id))
        .append("<title id=\"")
        .append(id)
        .append("-title\">")
        .append(escape(title))
        .append("</title><desc id=\"")
        .append(id)
        .append("-desc\">")
        .append(escape(description))
        .append("</desc>");
  }

  private static void text(StringBuilder svg, int x, int y, String anchor, String css, String s) {
    svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" dominant-baseline=\"middle\""
                    + " class=\"%s\">",
                x,
                y,
                anchor,
                css))
        .append(escape(s))
        .append("</text>");
  }

  private static long max(List<Bar> bars) {
    return bars.stream().mapToLong(Bar::value).max().orElse(0);
  }

  /** The length of a bar: proportional, at least 1 for a positive value, 0 for none. */
  private static int length(long value, long max, int room) {
    if (value <= 0 || max <= 0) {
      return 0;
    }
    return (int) Math.max(1, Math.round(room * (double) value / max));
  }

  private static String shorten(String s, int chars) {
    String text = s == null ? "" : s;
    if (text.length() <= chars) {
      return text;
    }
    int end = chars - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
