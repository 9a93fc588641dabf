package org.contactaudit.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** Writes {@code summary.json}: the {@link RunSummary} with snake-case names, indented. */
public final class SummaryWriter {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryWriter() {}

  /** Writes the summary to a file. */
  public static void write(RunSummary summary, Path file) throws IOException {
    MAPPER.writeValue(file.toFile(), summary);
  }

  /** The mapper, for readers of summary.json (tests, the distributed job). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
