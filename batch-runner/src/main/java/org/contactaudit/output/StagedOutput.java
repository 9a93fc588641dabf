package org.contactaudit.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An output folder that appears complete or not at all: the one output committer of the project.
 *
 * <pre>{@code
 * try (StagedOutput out = StagedOutput.create(target, overwrite)) {
 *   write(out.file("verdicts.csv"));   // or out.open("verdicts.csv")
 *   out.commit();                      // fsync, _SUCCESS, then one rename into place
 * }                                    // without commit: the staging folder is removed
 * }</pre>
 *
 * <p>Files are written into a hidden staging folder beside the target, on the same file system,
 * named {@code .<target>.staging-<pid>-<random>}. {@link #commit()} fsyncs every file and the
 * folder, writes {@code _SUCCESS} last, moves an existing target aside (to {@code
 * .<target>.previous-<pid>-<random>}), renames the staging folder to the target, and only then
 * deletes the previous output; when the rename fails the previous output is moved back.
 *
 * <p>Whatever fails, {@link #close()} removes the staging folder on the thread that writes. A JVM
 * shutdown (SIGTERM, Ctrl-C) only marks the output abandoned and interrupts that thread: its next
 * write, {@link #checkpoint()} or {@link #commit()} fails, and the shutdown waits for {@link
 * #close()} to clean up. A SIGKILL leaves the staging folder (or a moved-aside previous output)
 * beside the target, never under it; the next {@link #create} for the same target removes what a
 * process that no longer runs left there, and moves a previous output back when the target is
 * missing.
 *
 * <p>Every problem with the output path is reported as an {@link OutputException} whose message
 * names the target and what to do, never the staging folder.
 */
public final class StagedOutput implements AutoCloseable {
  /** The marker written last. */
  public static final String SUCCESS = "_SUCCESS";

  /** How long a shutdown waits for the writing thread to remove the staging folder. */
  private static final long SHUTDOWN_WAIT_SECONDS = 20;

  private static final Pattern LEFTOVER =
      Pattern.compile("\\.(.+)\\.(staging|previous)-([0-9]+)-[0-9a-f-]+");

  private static volatile boolean signalled;

  private final Path target;
  private final Path staging;
  private final boolean overwrite;
  private final Disk disk;
  private final Thread writer;
  private final Thread hook;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean abandoned;
  private boolean committed;

  private StagedOutput(Path target, boolean overwrite, Disk disk, Path staging) {
    this.target = target;
    this.overwrite = overwrite;
    this.disk = disk;
    this.staging = staging;
    this.writer = Thread.currentThread();
    this.hook =
        new Thread(
            () -> {
              signalled = true;
              abandonAndWait();
            },
            "contact-audit-shutdown");
  }

  /**
   * Prepares an output folder: removes what killed runs left beside the target, then makes the
   * staging folder.
   *
   * @throws FileAlreadyExistsException when the target exists and {@code overwrite} is false
   * @throws OutputException when the target cannot be written (its parent is a file, a folder is
   *     read-only, the disk is full)
   */
  public static StagedOutput create(Path target, boolean overwrite) throws IOException {
    return create(target, overwrite, Disk.LOCAL);
  }

  static StagedOutput create(Path target, boolean overwrite, Disk disk) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null) {
      throw new OutputException(target + ": the root folder cannot be an output folder");
    }
    makeParent(target, parent);
    removeLeftovers(absolute, disk);
    if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !overwrite) {
      throw new FileAlreadyExistsException(
          target.toString(), null, "the output folder exists; pass --overwrite to replace it");
    }
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new OutputException(
          target + ": is a file, not a folder; choose another --out or remove the file");
    }
    StagedOutput out =
        new StagedOutput(
            absolute, overwrite, disk, parent.resolve(leftoverName(absolute, "staging")));
    try {
      Runtime.getRuntime().addShutdownHook(out.hook);
    } catch (IllegalStateException shuttingDown) {
      signalled = true;
      throw new OutputException(target + ": the run was stopped; nothing was written");
    }
    try {
      disk.createDirectory(out.staging);
    } catch (IOException e) {
      out.close();
      throw new OutputException(
          target + ": cannot create a folder in " + parent + " (" + reason(e) + "); " + advice(e),
          e);
    }
    if (out.abandoned) {
      out.close();
      out.checkpoint();
    }
    return out;
  }

  private static void makeParent(Path target, Path parent) throws OutputException {
    for (Path p = parent; p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new OutputException(
            target + ": " + p + " is a file, not a folder; choose an --out inside a folder");
      }
      if (Files.isDirectory(p)) {
        break;
      }
    }
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new OutputException(
          target + ": cannot create the folder " + parent + " (" + reason(e) + "); " + advice(e),
          e);
    }
  }

  private static String leftoverName(Path target, String kind) {
    return "."
        + target.getFileName()
        + "."
        + kind
        + "-"
        + ProcessHandle.current().pid()
        + "-"
        + UUID.randomUUID();
  }

  /**
   * Removes the staging folders that processes no longer running left beside {@code target}, and
   * moves a previous output such a process had moved aside back to the target when the target is
   * missing (the process was killed between its two renames), or removes it.
   */
  private static void removeLeftovers(Path target, Disk disk) throws IOException {
    String name = target.getFileName().toString();
    List<Path> found = new ArrayList<>();
    try (Stream<Path> siblings = Files.list(target.getParent())) {
      siblings.forEach(found::add);
    } catch (IOException e) {
      throw new OutputException(
          target + ": cannot list " + target.getParent() + " (" + reason(e) + "); " + advice(e), e);
    }
    for (Path p : found) {
      Matcher m = LEFTOVER.matcher(p.getFileName().toString());
      if (!m.matches() || !m.group(1).equals(name) || running(Long.parseLong(m.group(3)))) {
        continue;
      }
      if (m.group(2).equals("previous") && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        disk.move(p, target);
      } else {
        deleteTree(p, disk);
      }
    }
  }

  private static boolean running(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** The path of a file to write in the staging folder. */
  public Path file(String name) {
    return staging.resolve(name);
  }

  /** Opens a file of the staging folder for writing. */
  public OutputStream open(String name) throws IOException {
    checkpoint();
    return disk.newOutputStream(file(name));
  }

  /** The target folder, as an absolute path. */
  public Path target() {
    return target;
  }

  /** Whether a shutdown abandoned this output. */
  public boolean abandoned() {
    return abandoned;
  }

  /** Whether a shutdown of the JVM (a signal) abandoned an output of this process. */
  public static boolean abandonedBySignal() {
    return signalled;
  }

  /** Fails when a shutdown abandoned this output; call it between phases of work. */
  public void checkpoint() throws OutputException {
    if (abandoned) {
      throw new OutputException(target + ": the run was stopped; nothing was written");
    }
  }

  /**
   * Fsyncs every file, writes {@code _SUCCESS}, then moves the staging folder to the target,
   * replacing an existing target only once the new output is in place.
   *
   * @throws OutputException when a step fails: the target is then as it was before the run
   */
  public void commit() throws IOException {
    checkpoint();
    try {
      syncFiles();
      try (OutputStream s = disk.newOutputStream(staging.resolve(SUCCESS))) {
        s.flush();
      }
      disk.force(staging.resolve(SUCCESS));
      disk.force(staging);
    } catch (IOException e) {
      throw failure(e);
    }
    checkpoint();
    Path previous = null;
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      if (!overwrite) {
        throw new FileAlreadyExistsException(
            target.toString(), null, "appeared during the run; pass --overwrite to replace it");
      }
      previous = target.resolveSibling(leftoverName(target, "previous"));
      try {
        disk.move(target, previous);
      } catch (IOException e) {
        throw new OutputException(
            target
                + ": cannot move the previous output aside ("
                + reason(e)
                + "); it is left as it was; "
                + advice(e),
            e);
      }
    }
    try {
      disk.move(staging, target);
    } catch (IOException e) {
      throw restore(previous, e);
    }
    committed = true;
    syncQuietly(target.getParent());
    if (previous != null) {
      deleteTree(previous, disk);
    }
  }

  private OutputException restore(Path previous, IOException cause) {
    String what = target + ": cannot move the new output into place (" + reason(cause) + "); ";
    if (previous == null) {
      return new OutputException(what + "nothing was written; " + advice(cause), cause);
    }
    try {
      disk.move(previous, target);
      return new OutputException(
          what + "the previous output is left as it was; " + advice(cause), cause);
    } catch (IOException again) {
      cause.addSuppressed(again);
      return new OutputException(
          what
              + "the previous output could not be moved back either ("
              + reason(again)
              + "): it is kept in "
              + previous
              + "; rename it to "
              + target.getFileName()
              + " to restore it",
          cause);
    }
  }

  private void syncFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(staging)) {
      s.filter(Files::isRegularFile).forEach(files::add);
    }
    for (Path f : files) {
      disk.force(f);
    }
  }

  private void syncQuietly(Path folder) {
    try {
      disk.force(folder);
    } catch (IOException e) {
      // The rename is done; a folder that cannot be synced only loses durability on power loss.
    }
  }

  /**
   * The plain form of an I/O failure while writing this output: which output file, why, and that
   * nothing was written, without the staging folder's name.
   */
  public IOException failure(IOException e) {
    if (e instanceof OutputException || e instanceof FileAlreadyExistsException) {
      return e;
    }
    String file = e instanceof FileSystemException fs ? fs.getFile() : null;
    Path path = file == null ? null : Path.of(file).toAbsolutePath().normalize();
    String name =
        path != null && path.startsWith(staging) && !path.equals(staging)
            ? staging.relativize(path).toString()
            : "the output";
    return new OutputException(
        target
            + ": cannot write "
            + name
            + " ("
            + reason(e).replace(staging.toString(), target.toString())
            + "); nothing was written; "
            + advice(e),
        e);
  }

  /** Removes the staging folder unless committed; runs on the writing thread. */
  @Override
  public void close() {
    try {
      if (!committed) {
        deleteTree(staging, disk);
      }
    } finally {
      closed.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook runs and waits for the countdown above.
      }
    }
  }

  /** The shutdown hook: marks the output abandoned and waits for the writer to clean up. */
  void abandonAndWait() {
    abandoned = true;
    if (closed.getCount() > 0) {
      writer.interrupt();
    }
    try {
      closed.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Deletes a tree, best effort: every entry that can be deleted is. */
  private static void deleteTree(Path root, Disk disk) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      List<Path> children = new ArrayList<>();
      try (Stream<Path> s = Files.list(root)) {
        s.forEach(children::add);
      } catch (IOException e) {
        // Deleted meanwhile or unreadable: the delete below says which.
      }
      for (Path child : children) {
        deleteTree(child, disk);
      }
    }
    try {
      disk.delete(root);
    } catch (IOException e) {
      // Best effort: a later run into the same target removes what is left.
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "the folder does not accept new entries";
    }
    if (e instanceof java.nio.file.AtomicMoveNotSupportedException) {
      return "the file system cannot rename atomically";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String advice(IOException e) {
    if (e instanceof java.nio.file.AtomicMoveNotSupportedException) {
      return "use a local file system, which renames atomically";
    }
    String reason = reason(e).toLowerCase(java.util.Locale.ROOT);
    if (reason.contains("space") || reason.contains("quota")) {
      return "free some space or choose another --out";
    }
    if (e instanceof AccessDeniedException
        || e instanceof NoSuchFileException
        || reason.contains("read-only")
        || reason.contains("not permitted")
        || reason.contains("permission")) {
      return "choose an --out in a folder you can write to";
    }
    return "check the folder and try again";
  }
}
