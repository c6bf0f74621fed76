package dev.runwright.operator.bench;

import java.util.List;
import java.util.Locale;

/** A minimal line chart as SVG text: one polyline per series, axes with min/max labels. */
final class SvgChart {
  record Point(double x, double y) {}

  record Series(String label, List<Point> points) {}

  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};
  private static final int WIDTH = 640;
  private static final int HEIGHT = 360;
  private static final int MARGIN = 56;

  private SvgChart() {}

  static String render(String title, String xLabel, String yLabel, List<Series> series) {
    double maxX =
        series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::x).max().orElse(1);
    double maxY =
        series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::y).max().orElse(1);
    maxX = maxX <= 0 ? 1 : maxX;
    maxY = maxY <= 0 ? 1 : maxY * 1.05;
    double plotW = WIDTH - 2.0 * MARGIN;
    double plotH = HEIGHT - 2.0 * MARGIN;
    var svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            WIDTH,
            HEIGHT));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(text(WIDTH / 2.0, 20, "middle", title));
    svg.append(
        String.format(
            Locale.ROOT,
            "<path d=\"M%d %d V%d H%d\" stroke=\"black\" fill=\"none\"/>%n",
            MARGIN,
            MARGIN,
            HEIGHT - MARGIN,
            WIDTH - MARGIN));
    svg.append(text(WIDTH / 2.0, HEIGHT - 12, "middle", xLabel));
    svg.append(text(MARGIN - 4, HEIGHT - MARGIN, "end", "0"));
    svg.append(text(MARGIN - 4, MARGIN + 4, "end", format(maxY)));
    svg.append(text(WIDTH - MARGIN, HEIGHT - MARGIN + 16, "end", format(maxX)));
    svg.append(text(12, MARGIN - 12, "start", yLabel));
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      String color = COLORS[i % COLORS.length];
      var points = new StringBuilder();
      for (Point p : s.points()) {
        points.append(
            String.format(
                Locale.ROOT,
                "%.1f,%.1f ",
                MARGIN + p.x() / maxX * plotW,
                HEIGHT - MARGIN - p.y() / maxY * plotH));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<polyline points=\"%s\" stroke=\"%s\" stroke-width=\"2\" fill=\"none\"/>%n",
              points.toString().trim(),
              color));
      if (s.points().size() == 1 || s.points().size() < 8) {
        for (Point p : s.points()) {
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                  MARGIN + p.x() / maxX * plotW,
                  HEIGHT - MARGIN - p.y() / maxY * plotH,
                  color));
        }
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n",
              MARGIN + 10,
              MARGIN + 16 + 16 * i,
              color,
              escape(s.label())));
    }
    return svg.append("</svg>\n").toString();
  }

  private static String text(double x, double y, String anchor, String content) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n",
        x,
        y,
        anchor,
        escape(content));
  }

  private static String format(double value) {
    return value >= 100
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
