package org.contactaudit.io;

import static org.contactaudit.io.InputFile.ACCOUNTS;
import static org.contactaudit.io.InputFile.CONSENTS;
import static org.contactaudit.io.InputFile.CONTACTS;
import static org.contactaudit.io.InputFile.RECOMMENDATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DatasetReader tells its ReadListener of each file every {@link ReadListener#EVERY} rows. */
class ReadListenerTest {
  @TempDir Path dir;

  @Test
  void hearsEveryFileEveryRowsAndAtItsEnd() {
    int rows = 2 * ReadListener.EVERY + 5;
    StringBuilder contacts = new StringBuilder("owner_id,phone\n");
    for (int i = 0; i < rows; i++) {
      if (i == 7) {
        // Blank lines are not rows: not counted, not reported.
        contacts.append("\n\n");
      }
      // The same entry again and again: merged, cheap to decode.
      contacts.append(i == 9 ? "alice,\"x\"y\n" : "alice,+8613800138002\n");
    }
    Fixture f = new Fixture(dir).with(CONTACTS, contacts.toString());
    f.write();
    List<String> heard = new ArrayList<>();
    DatasetReader.read(
        InputPaths.inFolder(dir),
        ReadOptions.builder().defaultRegion("CN").build(),
        f.rejects::add,
        (file, read, done) -> heard.add(file + " " + read + (done ? " done" : "")));
    assertEquals(
        List.of(
            ACCOUNTS + " 4 done",
            CONTACTS + " " + ReadListener.EVERY,
            CONTACTS + " " + 2 * ReadListener.EVERY,
            CONTACTS + " " + rows + " done",
            CONSENTS + " 1 done",
            RECOMMENDATIONS + " 1 done"),
        heard);
    assertEquals(1, f.rejects.size(), "the broken quote: " + f.rejects);
    assertEquals(
        List.of(CONTACTS.fileName(), 13L, Reason.MALFORMED_ROW),
        List.of(f.rejects.get(0).file(), f.rejects.get(0).line(), f.rejects.get(0).reason()));
  }
}
