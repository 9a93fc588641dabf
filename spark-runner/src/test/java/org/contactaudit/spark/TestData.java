package org.contactaudit.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

  /** The explanation cells of the refinement world: every form, odd case, blanks and others. */
  static final List<String> EXPLANATIONS =
      List.of(
          "",
          "   ",
          "in_contacts",
          " In_Contacts ",
          "has_your_number",
          "HAS_YOUR_NUMBER",
          "mutual_contacts:1",
          "mutual_contacts:2",
          "Mutual_Contacts:3 ",
          "mutual_contacts:4",
          "mutual_contacts:0",
          "friend_of_friend",
          " Friend_Of_Friend",
          "because you may know them",
          "in contacts");

  /** The instants of the refinement world: the first of each month from 2019-10 to 2020-12. */
  static final int GRID = 15;

  /** The as-of time of the refinement world, after every instant of {@link #GRID}. */
  static final String REFINEMENTS_AS_OF = "2021-01-01T00:00:00Z";

  /** An account of the refinement world: its line and lifetime as grid indexes (-1: open). */
  private record Account(String id, long line, int reg, int del) {
    boolean live(int k) {
      return (reg < 0 || reg <= k) && (del < 0 || k < del);
    }
  }

  /** A number of the dense part held by an account. */
  private record Held(Account holder, long line) {}

  /**
   * A timed world for the refinements of docs/POLICY.md, every instant on a grid of months so that
   * boundaries meet exactly: numbers that pass to a new account at the instant the old one is
   * deleted or after a gap, uploads before, at and after their subject registered, consent records
   * before, at and after registering, entries deleted before or exactly at the instant shown, pairs
   * linked only by deleted entries (each kind, and controls that stay unexplained), and
   * explanations of every form ({@link #EXPLANATIONS}).
   */
  static void refinements(Path folder, long seed) throws IOException {
    Files.createDirectories(folder);
    Random rnd = new Random(seed);
    List<Account> dense = new ArrayList<>();
    List<int[]> handovers = new ArrayList<>(); // line, old owner, new owner (indexes in dense)
    List<int[]> gaps = new ArrayList<>();
    for (int line = 0; line < 80; line++) {
      int owners = rnd.nextInt(20) < 12 ? 1 : rnd.nextInt(5) < 3 ? 2 : 3;
      int reg = rnd.nextInt(10) < 3 ? -1 : rnd.nextInt(6);
      for (int o = 0; o < owners; o++) {
        int del = -1;
        if (o + 1 < owners) {
          del = Math.max(reg, 0) + 1 + rnd.nextInt(3);
        } else if (rnd.nextInt(7) == 0) {
          del = Math.max(reg, 0) + 1 + rnd.nextInt(4);
        }
        if (del >= GRID) {
          del = -1;
        }
        dense.add(new Account("d" + dense.size(), 13_700_000_000L + line, reg, del));
        if (del < 0 || o + 1 == owners) {
          break;
        }
        int next = rnd.nextBoolean() ? del : del + 1 + rnd.nextInt(2);
        if (next >= GRID) {
          break;
        }
        (next == del ? handovers : gaps).add(new int[] {dense.size() - 1, dense.size()});
        reg = next;
      }
    }

    List<String> a = new ArrayList<>();
    a.add("account_id,phone,registered_at,deleted_at");
    List<String> c = new ArrayList<>();
    c.add("owner_id,phone,uploaded_at,deleted_at");
    List<String> s = new ArrayList<>();
    s.add("account_id,setting,value,source,updated_at");
    List<String> r = new ArrayList<>();
    r.add("viewer_id,candidate_id,shown_at,surface,explanation");
    List<Held> books = new ArrayList<>();

    for (Account acc : dense) {
      a.add(acc.id + "," + phone(rnd, acc.line) + "," + at(acc.reg) + "," + at(acc.del));
      for (String setting : SETTINGS) {
        if (rnd.nextInt(20) == 0) {
          continue;
        }
        int records = 1 + (rnd.nextInt(3) == 0 ? 1 : 0);
        for (int i = 0; i < records; i++) {
          String value = rnd.nextInt(12) == 0 ? "false" : "true";
          String source = rnd.nextInt(12) == 0 ? "default" : "explicit";
          String time = rnd.nextInt(3) == 0 ? "" : at(near(rnd, acc.reg));
          s.add(acc.id + "," + setting + "," + value + "," + source + "," + time);
        }
      }
      int book = 6 + rnd.nextInt(12);
      for (int i = 0; i < book; i++) {
        long number =
            rnd.nextInt(4) == 0
                ? 13_600_000_000L + rnd.nextInt(30)
                : 13_700_000_000L + rnd.nextInt(80);
        upload(c, rnd, acc.id, number, rnd.nextInt(4) == 0 ? -1 : near(rnd, acc.reg));
        if (number >= 13_700_000_000L) {
          books.add(new Held(acc, number));
        }
      }
    }

    // Direct edges, both ways for some: the candidate is the owner at the instant of a number held.
    for (int i = 0; i < 700; i++) {
      Held entry = books.get(rnd.nextInt(books.size()));
      Account h = entry.holder;
      long line = entry.line;
      int k = rnd.nextInt(GRID);
      Account o = null;
      for (Account x : dense) {
        if (x.line == line && x.live(k)) {
          o = x;
        }
      }
      if (o == null || o.line == h.line || !h.live(k)) {
        continue;
      }
      if (rnd.nextInt(3) == 0) {
        upload(c, rnd, o.id, h.line, rnd.nextInt(4) == 0 ? -1 : near(rnd, h.reg));
      }
      r.add(rnd.nextBoolean() ? rec(rnd, h.id, o.id, k) : rec(rnd, o.id, h.id, k));
    }

    // The instant of a hand-over: an account holding the number since before shows both owners.
    for (int[] h : handovers) {
      Account old = dense.get(h[0]);
      Account young = dense.get(h[1]);
      Account holder = dense.get(rnd.nextInt(dense.size()));
      if (holder.line == old.line || !holder.live(young.reg) || !holder.live(old.del - 1)) {
        continue;
      }
      c.add(holder.id + "," + phone(rnd, old.line) + "," + at(rnd.nextInt(old.del)) + ",");
      r.add(rec(rnd, holder.id, young.id, young.reg));
      r.add(rec(rnd, holder.id, old.id, old.del - 1));
    }
    // A gap between owners: two holders of the number share a shadow number, then a user's.
    for (int[] g : gaps) {
      Account old = dense.get(g[0]);
      Account young = dense.get(g[1]);
      List<Account> both = new ArrayList<>();
      for (Account x : dense) {
        if (x.line != old.line && x.live(old.del) && x.live(young.reg)) {
          both.add(x);
        }
      }
      if (both.size() < 2) {
        continue;
      }
      Account p = both.get(rnd.nextInt(both.size()));
      Account q = both.get(rnd.nextInt(both.size()));
      if (p.line == q.line) {
        continue;
      }
      for (Account x : List.of(p, q)) {
        c.add(x.id + "," + phone(rnd, old.line) + "," + at(rnd.nextInt(old.del + 1)) + ",");
      }
      r.add(rec(rnd, p.id, q.id, old.del));
      r.add(rec(rnd, p.id, q.id, young.reg));
    }

    for (int i = 0; i < 2200; i++) {
      int k = rnd.nextInt(10) == 0 ? -1 : rnd.nextInt(GRID);
      List<Account> live = new ArrayList<>();
      for (Account x : dense) {
        if (x.live(k < 0 ? GRID : k)) {
          live.add(x);
        }
      }
      Account v = live.get(rnd.nextInt(live.size()));
      Account w = live.get(rnd.nextInt(live.size()));
      if (v != w) {
        r.add(rec(rnd, v.id, w.id, k));
      }
    }

    // Pairs linked only through deleted entries, one kind each, and controls.
    for (int i = 0; i < 64; i++) {
      String v = "sv" + i;
      String cand = "sc" + i;
      String w = "sw" + i;
      long base = 13_500_000_000L + 10L * i;
      boolean wDeleted = i % 8 == 7 && i % 16 == 7;
      a.add(v + "," + phone(rnd, base) + ",,");
      a.add(cand + "," + phone(rnd, base + 1) + ",,");
      a.add(w + "," + phone(rnd, base + 2) + ",," + (wDeleted ? at(4) : ""));
      int shown = 6 + rnd.nextInt(GRID - 7);
      int up = rnd.nextInt(3);
      int gone = i % 2 == 0 ? shown : 3 + rnd.nextInt(shown - 3);
      String vKey = phone(rnd, base);
      String cKey = phone(rnd, base + 1);
      String wKey = phone(rnd, base + 2);
      String shadow = phone(rnd, base + 3);
      String deleted = "," + at(up) + "," + at(gone);
      String kept = "," + at(up) + ",";
      switch (i % 8) {
        case 0, 1 -> c.add(v + "," + cKey + deleted);
        case 2 -> c.add(cand + "," + vKey + deleted);
        case 3 -> {
          c.add(v + "," + cKey + deleted);
          c.add(cand + "," + vKey + (i % 16 == 3 ? kept : deleted));
        }
        case 4 -> {
          c.add(v + "," + shadow + deleted);
          c.add(cand + "," + shadow + kept);
        }
        case 5 -> {
          c.add(v + "," + wKey + kept);
          c.add(w + "," + cKey + deleted);
        }
        case 6 -> {
          c.add(w + "," + vKey + deleted);
          c.add(w + "," + cKey + deleted);
        }
        default -> {
          if (wDeleted) {
            c.add(w + "," + vKey + kept);
            c.add(w + "," + cKey + kept);
          } else {
            c.add(v + "," + cKey + "," + at(shown + 1) + ",");
          }
        }
      }
      r.add(rec(rnd, v, cand, shown));
    }

    Files.write(folder.resolve("accounts.csv"), a, StandardCharsets.UTF_8);
    Files.write(folder.resolve("contacts.csv"), c, StandardCharsets.UTF_8);
    Files.write(folder.resolve("consents.csv"), s, StandardCharsets.UTF_8);
    Files.write(folder.resolve("recommendations.csv"), r, StandardCharsets.UTF_8);
  }

  /** An entry: uploaded at grid index {@code from} (-1: unknown), sometimes deleted or again. */
  private static void upload(List<String> c, Random rnd, String owner, long number, int from) {
    String n = phone(rnd, number);
    int gone = rnd.nextInt(5) == 0 ? Math.max(from, 0) + 1 + rnd.nextInt(4) : -1;
    if (gone >= GRID) {
      gone = -1;
    }
    c.add(owner + "," + n + "," + at(from) + "," + at(gone));
    if (gone >= 0 && rnd.nextInt(3) == 0 && gone + 1 < GRID) {
      c.add(owner + "," + n + "," + at(gone + 1 + rnd.nextInt(GRID - gone - 1)) + ",");
    }
  }

  private static String rec(Random rnd, String viewer, String candidate, int k) {
    String explanation = EXPLANATIONS.get(rnd.nextInt(EXPLANATIONS.size()));
    return viewer + "," + candidate + "," + at(k) + ",home," + explanation;
  }

  /** A grid index at, just before or just after {@code k}, or anywhere; -1 stays -1 at times. */
  private static int near(Random rnd, int k) {
    int i =
        switch (rnd.nextInt(4)) {
          case 0 -> k - 1;
          case 1 -> k;
          case 2 -> k + 1;
          default -> rnd.nextInt(GRID);
        };
    return Math.max(0, Math.min(GRID - 1, i));
  }

  /** The instant of a grid index, or an empty cell for -1. */
  private static String at(int k) {
    return k < 0 ? "" : LocalDate.of(2019, 10, 1).plusMonths(k) + "T00:00:00Z";
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
