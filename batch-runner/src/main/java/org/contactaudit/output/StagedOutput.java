package org.contactaudit.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An output folder that appears complete or not at all. Files are written into a hidden staging
 * folder beside the target, on the same file system; {@link #commit()} writes {@code _SUCCESS} last
 * and renames the staging folder to the target in one atomic move. Closing without committing, a
 * failure, or a JVM shutdown (SIGTERM, Ctrl-C) deletes the staging folder; a SIGKILL leaves it
 * beside the target, never under it.
 */
public final class StagedOutput implements AutoCloseable {
  /** The marker written last. */
  public static final String SUCCESS = "_SUCCESS";

  private final Path target;
  private final Path staging;
  private final boolean overwrite;
  private final Thread cleanup;
  private boolean committed;

  private StagedOutput(Path target, boolean overwrite) throws IOException {
    this.target = target.toAbsolutePath().normalize();
    this.overwrite = overwrite;
    Path parent = this.target.getParent();
    Files.createDirectories(parent);
    this.staging =
        parent.resolve("." + this.target.getFileName() + ".staging-" + UUID.randomUUID());
    Files.createDirectory(staging);
    this.cleanup = new Thread(() -> deleteTree(staging), "contact-audit-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /**
   * Prepares an output folder.
   *
   * @throws FileAlreadyExistsException when the target exists and {@code overwrite} is false
   */
  public static StagedOutput create(Path target, boolean overwrite) throws IOException {
    if (Files.exists(target) && !overwrite) {
      throw new FileAlreadyExistsException(
          target.toString(), null, "the output folder exists; pass --overwrite to replace it");
    }
    return new StagedOutput(target, overwrite);
  }

  /** The path of a file to write in the staging folder. */
  public Path file(String name) {
    return staging.resolve(name);
  }

  /** The staging folder (for tests and diagnostics). */
  public Path stagingFolder() {
    return staging;
  }

  /** Writes {@code _SUCCESS}, then moves the staging folder to the target atomically. */
  public void commit() throws IOException {
    Files.writeString(staging.resolve(SUCCESS), "");
    Path old = null;
    if (Files.exists(target)) {
      if (!overwrite) {
        throw new FileAlreadyExistsException(target.toString(), null, "appeared during the run");
      }
      old = target.resolveSibling("." + target.getFileName() + ".replaced-" + UUID.randomUUID());
      move(target, old);
    }
    move(staging, target);
    committed = true;
    if (old != null) {
      deleteTree(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "cannot rename " + from + " to " + to + " atomically; use a local file system", e);
    }
  }

  /** Deletes the staging folder unless committed. */
  @Override
  public void close() {
    if (!committed) {
      deleteTree(staging);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it deletes the staging folder itself.
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(StagedOutput::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + p, e);
    }
  }
}
