package org.contactaudit.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedOutputTest {
  @TempDir Path tmp;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void nothingAppearsUntilCommitThenEverythingWithSuccessLast() throws IOException {
    Path target = tmp.resolve("out");
    try (StagedOutput out = StagedOutput.create(target, false)) {
      Files.writeString(out.file("verdicts.csv"), "x");
      assertFalse(Files.exists(target));
      assertTrue(out.stagingFolder().getFileName().toString().startsWith(".out.staging-"));
      out.commit();
    }
    assertEquals(
        List.of("_SUCCESS", "verdicts.csv"),
        Files.list(target).map(p -> p.getFileName().toString()).sorted().toList());
    assertEquals(List.of("out"), names());
  }

  @Test
  void closingWithoutCommitLeavesNothing() throws IOException {
    Path target = tmp.resolve("out");
    try (StagedOutput out = StagedOutput.create(target, false)) {
      Files.writeString(out.file("verdicts.csv"), "half");
    }
    assertEquals(List.of(), names());
  }

  @Test
  void anExistingTargetIsRefusedWithoutOverwrite() throws IOException {
    Path target = Files.createDirectory(tmp.resolve("out"));
    FileAlreadyExistsException e =
        assertThrows(FileAlreadyExistsException.class, () -> StagedOutput.create(target, false));
    assertEquals(
        target + ": the output folder exists; pass --overwrite to replace it", e.getMessage());
  }

  @Test
  void overwriteReplacesTheTargetWhole() throws IOException {
    Path target = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(target.resolve("stale.csv"), "old");
    try (StagedOutput out = StagedOutput.create(target, true)) {
      Files.writeString(out.file("verdicts.csv"), "new");
      out.commit();
    }
    assertFalse(Files.exists(target.resolve("stale.csv")));
    assertEquals("new", Files.readString(target.resolve("verdicts.csv")));
    assertEquals(List.of("out"), names());
  }
}
