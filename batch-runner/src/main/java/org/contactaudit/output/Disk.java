package org.contactaudit.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file operations of {@link StagedOutput}: the local file system, or a faulty one in tests (a
 * rename that fails, a write that fails halfway, a full disk).
 */
interface Disk {
  /** The local file system. */
  Disk LOCAL = new Disk() {};

  default void createDirectory(Path dir) throws IOException {
    Files.createDirectory(dir);
  }

  default OutputStream newOutputStream(Path file) throws IOException {
    return Files.newOutputStream(file);
  }

  /** Flushes a file or a folder to the device. */
  default void force(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
        ch.force(true);
      } catch (IOException e) {
        // Some systems cannot open a folder for syncing; its entries are synced already.
        if (Thread.currentThread().isInterrupted()) {
          throw e;
        }
      }
      return;
    }
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  /** Renames in one atomic step. */
  default void move(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
  }

  default void delete(Path path) throws IOException {
    Files.deleteIfExists(path);
  }
}
