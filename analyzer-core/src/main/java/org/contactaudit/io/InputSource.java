package org.contactaudit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the bytes of one input file come from: a local path, or another file system (a distributed
 * engine reads HDFS or object stores through its own client).
 */
public interface InputSource {
  /** The file's name as given, such as {@code contacts.csv.gz}; {@code .gz} means gzip. */
  String name();

  /** Where the file is, for messages. */
  String location();

  /**
   * Opens the raw bytes.
   *
   * @throws java.nio.file.NoSuchFileException or {@link java.io.FileNotFoundException} when the
   *     file does not exist
   */
  InputStream open() throws IOException;

  /** The size of the file in bytes, or {@code -1} when it cannot be known. */
  long size();

  /** A file on the local file system. */
  static InputSource of(Path path) {
    return new InputSource() {
      @Override
      public String name() {
        return path.getFileName().toString();
      }

      @Override
      public String location() {
        return path.toString();
      }

      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(path);
      }

      @Override
      public long size() {
        try {
          return Files.size(path);
        } catch (IOException e) {
          return -1;
        }
      }
    };
  }
}
