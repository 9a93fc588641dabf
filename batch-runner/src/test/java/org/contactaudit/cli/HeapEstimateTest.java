package org.contactaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.contactaudit.io.InputFile;
import org.contactaudit.io.InputPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an input needs in heap, said before the build and when the heap runs out. */
class HeapEstimateTest {
  @TempDir Path tmp;

  private InputPaths withContacts(String name, long bytes) throws IOException {
    Path file = tmp.resolve(name);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(bytes); // sparse: nothing is written
    }
    return InputPaths.inFolder(tmp).with(InputFile.CONTACTS, file);
  }

  @Test
  void aReferenceSizedExportNeedsFifteenGigabytes() throws IOException {
    HeapEstimate e = HeapEstimate.of(withContacts("contacts.csv", 7_200_000_000L));
    assertEquals(
        "this input (contacts.csv 6.7 GB, about 133.3 million upload rows) needs about 14.9 GB of"
            + " heap and the JVM has 8.0 GB; give it more with CONTACT_AUDIT_JAVA_OPTS=-Xmx15g for"
            + " the contact-audit launcher, or java -Xmx15g -jar contact-audit.jar",
        e.describe(8L << 30));
    assertTrue(e.exceeds(8L << 30));
    assertFalse(e.exceeds(16L << 30));
  }

  @Test
  void aGzipFileCountsAsFiveTimesItsSize() throws IOException {
    long plain = HeapEstimate.of(withContacts("plain.csv", 540_000_000L)).heapBytes();
    long packed = HeapEstimate.of(withContacts("packed.csv.gz", 108_000_000L)).heapBytes();
    assertEquals(plain, packed);
  }

  @Test
  void aHeapTooSmallEndsWithWhatTheInputNeeds() throws Exception {
    Path data = tmp.resolve("export");
    Cli.Run generated =
        Cli.run("generate", "--out", data.toString(), "--accounts", "6000", "--seed", "1");
    assertEquals(0, generated.exit(), generated.err());
    Path out = tmp.resolve("out");
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.contactaudit.cli.Main",
                "audit",
                "--input",
                data.toString(),
                "--default-region",
                "CN",
                "--quiet",
                "--out",
                out.toString()));
    pb.environment().put(AuditOutputOptions.KEY_VARIABLE, Cli.KEY);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(4, p.waitFor(), err);
    assertTrue(err.contains("the run may stop out of memory: this input (contacts.csv"), err);
    assertTrue(err.contains("contact-audit: out of memory: this input (contacts.csv"), err);
    assertTrue(err.contains("CONTACT_AUDIT_JAVA_OPTS=-Xmx1g"), err);
    assertTrue(err.contains("; nothing was written"), err);
    assertFalse(Files.exists(out), "nothing under --out");
  }
}
