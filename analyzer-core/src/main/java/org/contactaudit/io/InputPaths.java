package org.contactaudit.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Where the four input files are. Immutable. */
public final class InputPaths {
  private final Map<InputFile, Path> paths;

  private InputPaths(Map<InputFile, Path> paths) {
    this.paths = paths;
  }

  /**
   * The four files in one folder, each as {@code name.csv} or, when that does not exist, {@code
   * name.csv.gz}.
   */
  public static InputPaths inFolder(Path folder) {
    Map<InputFile, Path> paths = new EnumMap<>(InputFile.class);
    for (InputFile file : InputFile.values()) {
      Path plain = folder.resolve(file.fileName());
      Path gzip = folder.resolve(file.fileName() + ".gz");
      paths.put(file, Files.exists(plain) || !Files.exists(gzip) ? plain : gzip);
    }
    return new InputPaths(paths);
  }

  /** The same paths with one file replaced. */
  public InputPaths with(InputFile file, Path path) {
    Map<InputFile, Path> copy = new EnumMap<>(paths);
    copy.put(file, Objects.requireNonNull(path, "path"));
    return new InputPaths(copy);
  }

  /** The path of one input file. */
  public Path path(InputFile file) {
    return paths.get(file);
  }
}
