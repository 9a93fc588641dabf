package org.contactaudit.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small random export with everything that makes the audit hard: account lifetimes, entries with
 * upload and deletion times (some owner and number on several intervals), hub numbers held by many,
 * shadow numbers, consent histories with defaults, duplicates, and rows of every reject reason;
 * blank lines, an exact repeat of an account, characters after a closing quote and a quote left
 * open until the end of a file.
 */
final class TestData {
  private static final String[] SETTINGS = {
    "contact_upload", "discoverable_by_phone", "suggest_to_contacts", "contacts_for_others"
  };

  private TestData() {}

  static void write(Path folder, long seed, int accounts, int contacts, int recommendations)
      throws IOException {
    Files.createDirectories(folder);
    Random rnd = new Random(seed);

    List<String> a = new ArrayList<>();
    a.add("account_id,phone,registered_at,deleted_at");
    for (int i = 0; i < accounts; i++) {
      String from = rnd.nextInt(6) == 0 ? time(rnd) : "";
      String to = rnd.nextInt(10) == 0 ? "2020-11-" + (10 + rnd.nextInt(18)) : "";
      a.add("u" + i + "," + phone(rnd, user(i)) + "," + from + "," + to);
    }
    a.add(a.get(1));
    a.add("");
    a.add("u1," + phone(rnd, user(1)) + ",,");
    a.add("u2," + user(999_999) + ",,");
    a.add("x1," + user(3) + ",,");
    a.add("x2,,,");
    a.add("x3,abc,,");
    a.add("x4,95588,,");
    a.add("x5,+8613800000005,2020-99-01,");
    a.add("x6,+8613900000006,2020-05-01,2020-04-01");
    a.add("x7,\"+86 139 0000 0007\",,,extra");
    Files.write(folder.resolve("accounts.csv"), a, StandardCharsets.UTF_8);

    List<String> c = new ArrayList<>();
    c.add("owner_id,name,phone,uploaded_at,deleted_at");
    for (int i = 0; i < contacts; i++) {
      int owner = skewed(rnd, accounts);
      int kind = rnd.nextInt(100);
      String number;
      if (kind < 55) {
        number = phone(rnd, user(rnd.nextInt(accounts)));
      } else if (kind < 65) {
        number = phone(rnd, user(rnd.nextInt(3)));
      } else if (kind < 85) {
        number = phone(rnd, shadow(rnd.nextInt(300)));
      } else if (kind < 92) {
        number = phone(rnd, shadow(rnd.nextInt(2)));
      } else if (kind < 94) {
        number = phone(rnd, user(owner));
      } else if (kind < 96) {
        number = rnd.nextBoolean() ? "95588" : "10086";
      } else if (kind < 97) {
        number = "abc";
      } else if (kind < 98) {
        number = "";
      } else {
        number = phone(rnd, user(rnd.nextInt(accounts)));
        owner = -1;
      }
      String from = "";
      String to = "";
      if (rnd.nextBoolean()) {
        from = time(rnd);
        if (rnd.nextInt(3) == 0) {
          to = "2020-12-0" + (1 + rnd.nextInt(9));
        }
      }
      if (rnd.nextInt(200) == 0) {
        from = "yesterday";
      }
      if (rnd.nextInt(200) == 0) {
        from = "2020-12-31";
        to = "2020-01-01";
      }
      String ownerId = owner < 0 ? "ghost" + i : "u" + owner;
      String row = ownerId + ",\"Name, " + i + "\"," + number + "," + from + "," + to;
      c.add(row);
      if (rnd.nextInt(30) == 0) {
        c.add(row);
      }
      if (rnd.nextInt(40) == 0) {
        c.add(ownerId + ",again," + number + "," + time(rnd) + ",");
      }
    }
    c.add(c.size() / 2, "");
    c.add(c.size() / 3, "");
    c.add(c.size() / 3 + 1, "");
    c.add(c.size() / 4, "u4,\"x\"y,+8613800000001,,");
    c.add(c.size() / 4 + 1, "u4,\"x\"y\"z\",+8613800000001,,");
    c.add("u5,\"unbalanced,+8613800000001,,");
    c.add("u5,too,many,fields,here,now");
    c.add("u6,\"a \"\"quoted\"\" name\"," + phone(rnd, user(7)) + ",,");
    Files.write(folder.resolve("contacts.csv"), c, StandardCharsets.UTF_8);

    List<String> s = new ArrayList<>();
    s.add("account_id,setting,value,source,updated_at");
    for (int i = 0; i < accounts; i++) {
      boolean consenting = rnd.nextInt(10) < 7;
      for (String setting : SETTINGS) {
        if (consenting && rnd.nextInt(8) > 0) {
          s.add("u" + i + "," + setting + ",true,explicit,");
        }
        int records = rnd.nextInt(3);
        for (int r = 0; r < records; r++) {
          String value =
              rnd.nextInt(40) == 0
                  ? "maybe"
                  : new String[] {"true", "false", "yes", "0", "on", "TRUE"}[rnd.nextInt(6)];
          String source = new String[] {"explicit", "default", "", "explicit"}[rnd.nextInt(4)];
          if (rnd.nextInt(80) == 0) {
            source = "implicit";
          }
          String at = rnd.nextInt(3) == 0 ? "" : time(rnd);
          String row = "u" + i + "," + setting + "," + value + "," + source + "," + at;
          s.add(row);
          if (rnd.nextInt(25) == 0) {
            s.add(row);
          }
        }
      }
    }
    s.add(1, "");
    s.add("ghost,contact_upload,true,explicit,");
    s.add("u1,,true,explicit,");
    s.add("u1,Contact_Upload,true,explicit,2020-02-30");
    Files.write(folder.resolve("consents.csv"), s, StandardCharsets.UTF_8);

    List<String> r = new ArrayList<>();
    r.add("viewer_id,candidate_id,shown_at,surface,explanation");
    for (int i = 0; i < recommendations; i++) {
      int v = skewed(rnd, accounts);
      int cand = rnd.nextInt(4) == 0 ? rnd.nextInt(3) : rnd.nextInt(accounts);
      String viewer = "u" + v;
      String candidate = "u" + cand;
      int odd = rnd.nextInt(200);
      if (odd == 0) {
        candidate = viewer;
      } else if (odd == 1) {
        candidate = "ghost";
      } else if (odd == 2) {
        viewer = "";
      }
      String shown = rnd.nextInt(5) == 0 ? "" : time(rnd);
      String surface = new String[] {"home", "search", "", "=cmd"}[rnd.nextInt(4)];
      String row = viewer + "," + candidate + "," + shown + "," + surface + ",in_contacts";
      r.add(row);
      if (rnd.nextInt(30) == 0) {
        r.add(row);
      }
    }
    r.add("u1,u2,2020-06-01T10:00:00Z,home");
    r.add("u1,u2,not-a-time,home,");
    r.add("");
    r.add("u1,u2,\"2020-06-01T10:00:00Z,home,");
    Files.write(folder.resolve("recommendations.csv"), r, StandardCharsets.UTF_8);
  }

  /** Skewed towards low ids: some accounts upload and view far more than others. */
  private static int skewed(Random rnd, int n) {
    double x = rnd.nextDouble();
    return Math.min(n - 1, (int) (n * x * x));
  }

  private static long user(int i) {
    return 13_800_000_000L + i;
  }

  private static long shadow(int i) {
    return 13_900_000_000L + i;
  }

  /** The same number written in one of three ways. */
  private static String phone(Random rnd, long national) {
    String d = Long.toString(national);
    return switch (rnd.nextInt(3)) {
      case 0 -> "+86" + d;
      case 1 -> d;
      default ->
          "\"+86 " + d.substring(0, 3) + " " + d.substring(3, 7) + " " + d.substring(7) + "\"";
    };
  }

  private static String time(Random rnd) {
    int month = 1 + rnd.nextInt(12);
    int day = 1 + rnd.nextInt(28);
    return String.format("2020-%02d-%02dT%02d:00:00Z", month, day, rnd.nextInt(24));
  }
}
