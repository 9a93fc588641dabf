package org.contactaudit.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class CallingCodePlansTest {

  /**
   * GQ, IO, TA and TK have numbering plans but no short-number metadata: looking theirs up in
   * libphonenumber logs "File ... not found" on standard error, once a region, in a real run that
   * meets a +240, +246, +290 or +690 number.
   */
  @Test
  void regionsWithoutShortNumberMetadataAreNotLookedUp() {
    Logger libphonenumber = Logger.getLogger("com.google.i18n.phonenumbers");
    List<String> logged = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    libphonenumber.addHandler(handler);
    try {
      for (String region : List.of("GQ", "IO", "TA", "TK")) {
        assertNull(CallingCodePlans.shortMetadata(region), region);
      }
      assertNotNull(CallingCodePlans.shortMetadata("CN"));
      assertNull(CallingCodePlans.shortMetadata("ZZ"));
    } finally {
      libphonenumber.removeHandler(handler);
    }
    assertEquals(List.of(), logged);
  }
}
