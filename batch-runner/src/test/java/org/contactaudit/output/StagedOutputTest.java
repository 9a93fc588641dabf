package org.contactaudit.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committer under faults: each ends with the target absent, the previous output intact, or the
 * new one complete with _SUCCESS, and no staging folder beside it.
 */
class StagedOutputTest {
  /** A process id that no process has (above every Linux pid_max). */
  private static final long DEAD_PID = 99_999_999L;

  @TempDir Path tmp;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private Path previousOutput() throws IOException {
    Path target = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(target.resolve("verdicts.csv"), "old");
    Files.writeString(target.resolve(StagedOutput.SUCCESS), "");
    return target;
  }

  private static void assertPrevious(Path target) throws IOException {
    assertEquals(List.of("_SUCCESS", "verdicts.csv"), names(target));
    assertEquals("old", Files.readString(target.resolve("verdicts.csv")));
  }

  /** A disk that fails the rename of {@code from} with {@code error}. */
  private static Disk failingMove(Path from, IOException error) {
    return new Disk() {
      @Override
      public void move(Path source, Path to) throws IOException {
        if (source.getFileName().toString().startsWith(from.getFileName().toString())) {
          throw error;
        }
        Disk.LOCAL.move(source, to);
      }
    };
  }

  @Test
  void nothingAppearsUntilCommitThenEverythingWithSuccessLast() throws IOException {
    Path target = tmp.resolve("out");
    try (StagedOutput out = StagedOutput.create(target, false)) {
      Files.writeString(out.file("verdicts.csv"), "x");
      try (OutputStream s = out.open("rejects.csv")) {
        s.write('y');
      }
      assertFalse(Files.exists(target));
      String staging = out.file("x").getParent().getFileName().toString();
      assertTrue(
          staging.startsWith(".out.staging-" + ProcessHandle.current().pid() + "-"), staging);
      out.commit();
    }
    assertEquals(List.of("_SUCCESS", "rejects.csv", "verdicts.csv"), names(target));
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
    assertEquals(List.of("out"), names());
  }

  @Test
  void overwriteReplacesTheTargetWhole() throws IOException {
    Path target = previousOutput();
    Files.writeString(target.resolve("stale.csv"), "old");
    try (StagedOutput out = StagedOutput.create(target, true)) {
      Files.writeString(out.file("verdicts.csv"), "new");
      out.commit();
    }
    assertFalse(Files.exists(target.resolve("stale.csv")));
    assertEquals("new", Files.readString(target.resolve("verdicts.csv")));
    assertEquals(List.of("out"), names());
  }

  @Test
  void aFailingRenameIntoPlaceRestoresThePreviousOutput() throws IOException {
    Path target = previousOutput();
    Disk disk =
        failingMove(
            Path.of(".out.staging-"), new FileSystemException("x", null, "Input/output error"));
    OutputException e;
    try (StagedOutput out = StagedOutput.create(target, true, disk)) {
      Files.writeString(out.file("verdicts.csv"), "new");
      e = assertThrows(OutputException.class, out::commit);
    }
    assertEquals(
        target
            + ": cannot move the new output into place (Input/output error); the previous output"
            + " is left as it was; check the folder and try again",
        e.getMessage());
    assertPrevious(target);
    assertEquals(List.of("out"), names());
  }

  @Test
  void aFailingRenameWithoutPreviousOutputLeavesNothing() throws IOException {
    Path target = tmp.resolve("out");
    Disk disk = failingMove(Path.of(".out.staging-"), new AccessDeniedException("x", null, null));
    OutputException e;
    try (StagedOutput out = StagedOutput.create(target, false, disk)) {
      e = assertThrows(OutputException.class, out::commit);
    }
    assertEquals(
        target
            + ": cannot move the new output into place (permission denied); nothing was written;"
            + " choose an --out in a folder you can write to",
        e.getMessage());
    assertEquals(List.of(), names());
  }

  @Test
  void whenTheRestoreFailsTooThePreviousOutputIsNamed() throws IOException {
    Path target = previousOutput();
    Disk disk =
        new Disk() {
          @Override
          public void move(Path from, Path to) throws IOException {
            if (!to.getFileName().toString().startsWith(".out.previous-")) {
              throw new FileSystemException(from.toString(), null, "Input/output error");
            }
            Disk.LOCAL.move(from, to);
          }
        };
    OutputException e;
    try (StagedOutput out = StagedOutput.create(target, true, disk)) {
      e = assertThrows(OutputException.class, out::commit);
    }
    List<String> left = names();
    assertEquals(1, left.size(), left.toString());
    Path kept = tmp.resolve(left.get(0));
    assertTrue(left.get(0).startsWith(".out.previous-"), left.toString());
    assertEquals(
        target
            + ": cannot move the new output into place (Input/output error); the previous output"
            + " could not be moved back either (Input/output error): it is kept in "
            + kept
            + "; rename it to out to restore it",
        e.getMessage());
    assertPrevious(kept);
  }

  @Test
  void aFailingMoveAsideLeavesThePreviousOutput() throws IOException {
    Path target = previousOutput();
    Disk disk = failingMove(Path.of("out"), new FileSystemException("x", null, "Device busy"));
    OutputException e;
    try (StagedOutput out = StagedOutput.create(target, true, disk)) {
      e = assertThrows(OutputException.class, out::commit);
    }
    assertEquals(
        target
            + ": cannot move the previous output aside (Device busy); it is left as it was;"
            + " check the folder and try again",
        e.getMessage());
    assertPrevious(target);
    assertEquals(List.of("out"), names());
  }

  @Test
  void aWriteFailingHalfwayLeavesThePreviousOutput() throws IOException {
    Path target = previousOutput();
    Disk disk =
        new Disk() {
          @Override
          public OutputStream newOutputStream(Path file) throws IOException {
            return new FilterOutputStream(Disk.LOCAL.newOutputStream(file)) {
              private int written;

              @Override
              public void write(int b) throws IOException {
                if (++written > 10) {
                  throw new IOException("Input/output error");
                }
                super.write(b);
              }
            };
          }
        };
    IOException e;
    try (StagedOutput out = StagedOutput.create(target, true, disk)) {
      IOException raw =
          assertThrows(
              IOException.class,
              () -> {
                try (OutputStream s = out.open("verdicts.csv")) {
                  s.write("line,verdict\n1,OK\n".getBytes(StandardCharsets.UTF_8));
                }
              });
      e = out.failure(raw);
      assertTrue(Files.exists(out.file("verdicts.csv")), "half a file was written");
    }
    assertEquals(
        target
            + ": cannot write the output (Input/output error); nothing was written; check the"
            + " folder and try again",
        e.getMessage());
    assertPrevious(target);
    assertEquals(List.of("out"), names());
  }

  @Test
  void aFullDiskAtSyncLeavesThePreviousOutputAndNamesTheFile() throws IOException {
    Path target = previousOutput();
    Disk disk =
        new Disk() {
          @Override
          public void force(Path path) throws IOException {
            if (path.getFileName().toString().equals("verdicts.csv")) {
              throw new FileSystemException(path.toString(), null, "No space left on device");
            }
            Disk.LOCAL.force(path);
          }
        };
    OutputException e;
    try (StagedOutput out = StagedOutput.create(target, true, disk)) {
      Files.writeString(out.file("verdicts.csv"), "new");
      e = assertThrows(OutputException.class, out::commit);
    }
    assertEquals(
        target
            + ": cannot write verdicts.csv (No space left on device); nothing was written; free"
            + " some space or choose another --out",
        e.getMessage());
    assertPrevious(target);
    assertEquals(List.of("out"), names());
  }

  @Test
  void aFullDiskForTheMarkerLeavesThePreviousOutput() throws IOException {
    Path target = previousOutput();
    Disk disk =
        new Disk() {
          @Override
          public OutputStream newOutputStream(Path file) throws IOException {
            throw new FileSystemException(file.toString(), null, "Disk quota exceeded");
          }
        };
    OutputException e;
    try (StagedOutput out = StagedOutput.create(target, true, disk)) {
      e = assertThrows(OutputException.class, out::commit);
    }
    assertEquals(
        target
            + ": cannot write _SUCCESS (Disk quota exceeded); nothing was written; free some"
            + " space or choose another --out",
        e.getMessage());
    assertPrevious(target);
    assertEquals(List.of("out"), names());
  }

  @Test
  void aShutdownMarksTheOutputAbandonedAndTheWriterCleansUp() throws Exception {
    Path target = previousOutput();
    CountDownLatch hookDone = new CountDownLatch(1);
    OutputException e;
    try (StagedOutput out = StagedOutput.create(target, true)) {
      Files.writeString(out.file("verdicts.csv"), "new");
      Thread hook =
          new Thread(
              () -> {
                out.abandonAndWait();
                hookDone.countDown();
              });
      hook.start();
      while (!Thread.interrupted()) {
        Thread.onSpinWait();
      }
      assertTrue(out.abandoned(), "the hook marked the output abandoned, then interrupted");
      assertFalse(hookDone.await(100, TimeUnit.MILLISECONDS), "the hook waits for the writer");
      assertTrue(Files.exists(out.file("verdicts.csv")), "the hook deletes nothing itself");
      e = assertThrows(OutputException.class, out::commit);
    }
    assertTrue(hookDone.await(10, TimeUnit.SECONDS), "the hook returns once the writer closed");
    assertEquals(target + ": the run was stopped; nothing was written", e.getMessage());
    assertPrevious(target);
    assertEquals(List.of("out"), names());
  }

  @Test
  void aNewRunRemovesWhatAKilledRunLeftBesideTheTarget() throws IOException {
    Path target = previousOutput();
    Path staging = Files.createDirectory(tmp.resolve(".out.staging-" + DEAD_PID + "-0a1b"));
    Files.writeString(staging.resolve("verdicts.csv"), "half");
    Path previous = Files.createDirectory(tmp.resolve(".out.previous-" + DEAD_PID + "-0a1c"));
    Files.writeString(previous.resolve("verdicts.csv"), "older");
    long self = ProcessHandle.current().pid();
    Files.createDirectory(tmp.resolve(".out.staging-" + self + "-0a1d"));
    Files.createDirectory(tmp.resolve(".other.staging-" + DEAD_PID + "-0a1e"));
    try (StagedOutput out = StagedOutput.create(target, true)) {
      String own = out.file("x").getParent().getFileName().toString();
      assertEquals(
          List.of(".other.staging-" + DEAD_PID + "-0a1e", ".out.staging-" + self + "-0a1d", "out"),
          names().stream().filter(n -> !n.equals(own)).toList());
    }
    assertPrevious(target);
  }

  @Test
  void aPreviousOutputMovedAsideByAKilledRunIsMovedBack() throws IOException {
    Path previous = Files.createDirectory(tmp.resolve(".out.previous-" + DEAD_PID + "-0a1b"));
    Files.writeString(previous.resolve("verdicts.csv"), "old");
    Files.writeString(previous.resolve(StagedOutput.SUCCESS), "");
    Path target = tmp.resolve("out");
    FileAlreadyExistsException e =
        assertThrows(FileAlreadyExistsException.class, () -> StagedOutput.create(target, false));
    assertEquals(
        target + ": the output folder exists; pass --overwrite to replace it", e.getMessage());
    assertPrevious(target);
    assertEquals(List.of("out"), names());
  }

  @Test
  void aParentThatIsAFileIsNamed() throws IOException {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
    Path target = file.resolve("sub").resolve("out");
    OutputException e =
        assertThrows(OutputException.class, () -> StagedOutput.create(target, false));
    assertEquals(
        target + ": " + file + " is a file, not a folder; choose an --out inside a folder",
        e.getMessage());
  }

  @Test
  void aTargetThatIsAFileIsNamed() throws IOException {
    Path file = Files.writeString(tmp.resolve("out"), "x");
    OutputException e = assertThrows(OutputException.class, () -> StagedOutput.create(file, true));
    assertEquals(
        file + ": is a file, not a folder; choose another --out or remove the file",
        e.getMessage());
    assertEquals("x", Files.readString(file));
  }

  @Test
  void aFolderThatRefusesNewEntriesIsNamedWithoutTheStagingFolder() throws IOException {
    Path target = tmp.resolve("out");
    Disk disk =
        new Disk() {
          @Override
          public void createDirectory(Path dir) throws IOException {
            throw new AccessDeniedException(dir.toString());
          }
        };
    OutputException e =
        assertThrows(OutputException.class, () -> StagedOutput.create(target, false, disk));
    assertEquals(
        target
            + ": cannot create a folder in "
            + tmp
            + " (permission denied); choose an --out in a folder you can write to",
        e.getMessage());
    assertEquals(List.of(), names());
  }
}
