package org.contactaudit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's library example: its code is {@link AuditExample}'s (so it compiles), and it runs on
 * the bundled example as the README says.
 */
class AuditExampleTest {
  /** The repository's root: the tests run in the module's folder. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theReadmeShowsTheCodeOfAuditExample() throws IOException {
    String source =
        Files.readString(
            ROOT.resolve("analyzer-core/src/test/java/org/contactaudit/example/AuditExample.java"),
            StandardCharsets.UTF_8);
    String code = source.substring(source.indexOf("\nimport ") + 1);
    assertEquals(
        code,
        readmeBlockAfter("```java\n"),
        "README.md's library example must be AuditExample.java's code");
  }

  @Test
  void runsOnTheBundledExample() throws IOException {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      AuditExample.main(new String[] {ROOT.resolve("examples").toString()});
    } finally {
      System.setOut(out);
    }
    String output = printed.toString(StandardCharsets.UTF_8);
    List<String> lines = output.lines().toList();
    assertEquals(3, lines.size(), lines::toString);
    assertTrue(lines.get(0).matches("[1-9][0-9]* rows rejected"), lines.get(0));
    assertEquals(
        "Judgment[ling -> zhou at 2020-02-01T09:00:00Z: LEAK, primary REVERSE, missing"
            + " [viewer.discoverable_by_phone, candidate.suggest_to_contacts], kinds [REVERSE (0"
            + " consensual, 1 not)]]",
        lines.get(1));
    assertEquals("show ben to amy: true", lines.get(2));
    assertEquals(output, readmeBlockAfter("it prints:\n\n```\n"), "README.md's printed lines");
  }

  /** The text of the README's code block that starts with {@code opening}, without the fences. */
  private static String readmeBlockAfter(String opening) throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    int from = readme.indexOf(opening, readme.indexOf("\n## The library\n"));
    assertTrue(from >= 0, "README.md: no block after " + opening);
    from += opening.length();
    return readme.substring(from, readme.indexOf("```\n", from));
  }
}
