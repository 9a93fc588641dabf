package org.contactaudit.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.contactaudit.output.Charts.Bar;
import org.junit.jupiter.api.Test;

class ChartsTest {

  @Test
  void barsAreProportionalAndLongLabelsShortened() {
    String label = "a.very_long_consent_name_that_does_not_fit_the_label_column";
    String svg =
        Charts.bars(
            "c",
            "Chart",
            List.of(
                new Bar(label, 100, "100", "tone-info"),
                new Bar("half", 50, "50", "tone-info"),
                new Bar("none", 0, "0", "tone-info"),
                new Bar("tiny", 1, "1", "tone-info")));

    assertTrue(svg.contains("<title>" + label + ": 100</title>"), "the full label in the title");
    assertTrue(svg.contains(">a.very_long_consent_name_that_doe…</text>"), svg);
    assertTrue(svg.contains("width=\"324\""), "the longest bar fills the room");
    assertTrue(svg.contains("width=\"162\""), "half as long");
    assertTrue(svg.contains("width=\"0\""), "no bar for nothing");
    assertTrue(svg.contains("width=\"3\""), "a small count stays visible");
    assertTrue(svg.contains("role=\"img\" aria-labelledby=\"c-title c-desc\""), svg);
  }

  @Test
  void columnsStandOnOneBaseline() {
    String svg =
        Charts.columns(
            "h",
            "Histogram",
            "holders",
            List.of(new Bar("1", 10, "10", "tone-info"), new Bar("2-3", 5, "5", "tone-info")));

    assertTrue(svg.contains("y=\"20\" width=\"64\" height=\"150\""), svg);
    assertTrue(svg.contains("y=\"95\" width=\"64\" height=\"75\""), svg);
    assertTrue(svg.contains(">holders</text>"), svg);
    assertEquals(2, svg.split("<rect ", -1).length - 1);
  }
}
