package org.contactaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output paths that cannot be written are named plainly, with what to do, and exit 4. */
class OutputPathTest {
  @TempDir Path tmp;

  private static Cli.Run audit(Path out, String... more) {
    String[] args = {
      "audit", "--input", Cli.EXAMPLES.toString(), "--default-region", "CN", "--out", out.toString()
    };
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return Cli.run(all);
  }

  @Test
  void anOutUnderAFileIsNamed() throws IOException {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
    Path out = file.resolve("out");
    Cli.Run run = audit(out);
    assertEquals(4, run.exit());
    assertEquals(
        "contact-audit: output error: "
            + out
            + ": "
            + file
            + " is a file, not a folder; choose an --out inside a folder\n",
        run.err());
    assertEquals("x", Files.readString(file));
  }

  @Test
  void anOutThatIsAFileIsNamed() throws IOException {
    Path file = Files.writeString(tmp.resolve("out"), "x");
    Cli.Run run = audit(file, "--overwrite");
    assertEquals(4, run.exit());
    assertEquals(
        "contact-audit: output error: "
            + file
            + ": is a file, not a folder; choose another --out or remove the file\n",
        run.err());
  }

  @Test
  void anOutInASystemFolderIsNamedWithoutTheStagingFolder() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");
    Path out = Path.of("/proc/contact-audit-out");
    Cli.Run run = audit(out);
    assertEquals(4, run.exit());
    assertEquals(
        "contact-audit: output error: "
            + out
            + ": cannot create a folder in /proc (the folder does not accept new entries);"
            + " choose an --out in a folder you can write to\n",
        run.err());
    assertFalse(run.err().contains("staging"));
  }

  @Test
  void generateRefusesAFolderThatIsNotEmpty() throws IOException {
    Path export = Files.createDirectory(tmp.resolve("export"));
    Files.writeString(export.resolve("accounts.csv"), "account_id,phone\nreal,1\n");
    Cli.Run run = Cli.run("generate", "--out", export.toString(), "--accounts", "50");
    assertEquals(2, run.exit());
    assertEquals(
        "contact-audit: --out "
            + export
            + " is not empty; pass --overwrite to write the dataset's files into it, or choose"
            + " an empty or new folder\n"
            + "Try 'contact-audit generate --help' for more information.\n",
        run.err());
    assertEquals("account_id,phone\nreal,1\n", Files.readString(export.resolve("accounts.csv")));

    Cli.Run overwrite =
        Cli.run("generate", "--out", export.toString(), "--accounts", "50", "--overwrite");
    assertEquals(0, overwrite.exit(), overwrite.err());
    assertTrue(Files.readString(export.resolve("accounts.csv")).startsWith("account_id,phone"));

    Path empty = Files.createDirectory(tmp.resolve("empty"));
    assertEquals(0, Cli.run("generate", "--out", empty.toString(), "--accounts", "50").exit());
    try (Stream<Path> s = Files.list(empty)) {
      assertTrue(s.map(p -> p.getFileName().toString()).toList().contains("shape.json"));
    }
  }
}
