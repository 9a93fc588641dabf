package org.contactaudit.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.contactaudit.consent.ConsentLedger;
import org.contactaudit.consent.ConsentLedgerBuilder;
import org.contactaudit.consent.ConsentSource;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.graph.ContactGraphBuilder;
import org.contactaudit.time.Times;

/**
 * A small world of accounts, phonebook entries and consents, written the way a test reads. Public
 * for the tests of other packages (the analyses).
 */
public final class World {
  private static final long DAY = 86_400_000L;

  record Account(String id, long number, long from, long to) {}

  record Entry(String owner, long number, long from, long to) {}

  record Consent(String account, String setting, boolean value, boolean byDefault, long time) {}

  public static final List<String> ALL_SETTINGS =
      List.of(
          Policy.CONTACT_UPLOAD,
          Policy.DISCOVERABLE_BY_PHONE,
          Policy.SUGGEST_TO_CONTACTS,
          Policy.CONTACTS_FOR_OTHERS,
          Policy.ACTIVITY_VISIBLE_TO_CONTACTS);

  final List<Account> accounts = new ArrayList<>();
  final List<Entry> entries = new ArrayList<>();
  final List<Consent> consents = new ArrayList<>();
  private ContactGraph graph;
  private ConsentLedger ledger;

  public World account(String id, long number) {
    return account(id, number, Times.ALWAYS, Times.NEVER);
  }

  public World account(String id, long number, long from, long to) {
    accounts.add(new Account(id, number, from, to));
    graph = null;
    ledger = null;
    return this;
  }

  /** The registration time of an account ({@link Times#ALWAYS} when unknown). */
  long registeredAt(String id) {
    return accounts.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().from();
  }

  public long numberOf(String id) {
    return accounts.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().number();
  }

  /** {@code owner} holds the number of account {@code subject}. */
  public World holds(String owner, String subject) {
    return holdsNumber(owner, numberOf(subject), Times.ALWAYS, Times.NEVER);
  }

  public World holds(String owner, String subject, long from, long to) {
    return holdsNumber(owner, numberOf(subject), from, to);
  }

  public World holdsNumber(String owner, long number) {
    return holdsNumber(owner, number, Times.ALWAYS, Times.NEVER);
  }

  public World holdsNumber(String owner, long number, long from, long to) {
    entries.add(new Entry(owner, number, from, to));
    graph = null;
    return this;
  }

  /** Explicit, always-known grants of the given settings. */
  public World grant(String account, String... settings) {
    for (String s : settings) {
      consent(account, s, true, false, Times.ALWAYS);
    }
    return this;
  }

  /** Every setting granted explicitly, for each account. */
  public World grantAll(String... ids) {
    for (String id : ids) {
      grant(id, ALL_SETTINGS.toArray(new String[0]));
    }
    return this;
  }

  public World consent(
      String account, String setting, boolean value, boolean byDefault, long time) {
    consents.add(new Consent(account, setting, value, byDefault, time));
    ledger = null;
    return this;
  }

  /**
   * A random world: small enough for naive references, dense enough for every kind; timed (account
   * lifetimes, entry intervals, consent updates) half of the time, in days from the epoch.
   */
  public static World random(Random rnd) {
    World w = new World();
    int accounts = 3 + rnd.nextInt(9);
    int shadows = rnd.nextInt(6);
    boolean timed = rnd.nextBoolean();
    List<Long> numbers = new ArrayList<>();
    for (int a = 0; a < accounts; a++) {
      long from = timed && rnd.nextInt(4) == 0 ? rnd.nextInt(10) * DAY : Times.ALWAYS;
      long to = timed && rnd.nextInt(6) == 0 ? (10 + rnd.nextInt(10)) * DAY : Times.NEVER;
      long number = 1000 + a;
      if (timed && a > 0 && rnd.nextInt(3) == 0) {
        // a recycled number: the next owner registers when, or some days after, the last leaves
        World.Account earlier = w.accounts.get(rnd.nextInt(a));
        long free = earlier.to();
        for (Account other : w.accounts) {
          if (other.number() == earlier.number()) {
            free = Math.max(free, other.to());
          }
        }
        if (free != Times.NEVER) {
          number = earlier.number();
          from = free + (rnd.nextBoolean() ? 0 : rnd.nextInt(4) * DAY + rnd.nextInt(2));
          to = rnd.nextInt(3) == 0 ? from + (1 + rnd.nextInt(8)) * DAY : Times.NEVER;
        }
      }
      w.account("a" + a, number, from, to);
      if (!numbers.contains(number)) {
        numbers.add(number);
      }
    }
    for (int s = 0; s < shadows; s++) {
      numbers.add(5000L + s);
    }
    int entries = rnd.nextInt(accounts * 4);
    for (int e = 0; e < entries; e++) {
      int owner = rnd.nextInt(accounts);
      long number = numbers.get(rnd.nextInt(numbers.size()));
      if (number == w.accounts.get(owner).number()) {
        continue;
      }
      long from = timed && rnd.nextBoolean() ? rnd.nextInt(15) * DAY : Times.ALWAYS;
      long to = timed && rnd.nextInt(3) == 0 ? from + (1 + rnd.nextInt(10)) * DAY : Times.NEVER;
      if (to < from) {
        to = Times.NEVER;
      }
      w.holdsNumber("a" + owner, number, from, to);
      if (rnd.nextInt(8) == 0) {
        w.holdsNumber("a" + owner, number, from, to);
      }
    }
    for (int a = 0; a < accounts; a++) {
      if (rnd.nextInt(5) < 3) {
        for (String setting : ALL_SETTINGS) {
          w.consent("a" + a, setting, true, rnd.nextInt(8) == 0, Times.ALWAYS);
        }
      }
    }
    int records = rnd.nextInt(accounts * 3);
    for (int r = 0; r < records; r++) {
      String setting = ALL_SETTINGS.get(rnd.nextInt(4));
      long time =
          timed && rnd.nextBoolean() ? rnd.nextInt(20) * DAY + rnd.nextInt(2) : Times.ALWAYS;
      w.consent(
          "a" + rnd.nextInt(accounts), setting, rnd.nextInt(4) != 0, rnd.nextInt(5) == 0, time);
    }
    return w;
  }

  public ContactGraph graph() {
    if (graph == null) {
      ContactGraphBuilder b = ContactGraph.builder();
      for (Account a : accounts) {
        b.addAccount(a.id(), a.number(), a.from(), a.to());
      }
      for (Entry e : entries) {
        b.addEntry(b.accountIndex(e.owner()), e.number(), e.from(), e.to());
      }
      graph = b.build();
    }
    return graph;
  }

  public ConsentLedger ledger() {
    if (ledger == null) {
      ContactGraph g = graph();
      ConsentLedgerBuilder b = ConsentLedger.builder(g.accountCount());
      for (Consent c : consents) {
        b.add(
            g.accountIndex(c.account()),
            c.setting(),
            c.value(),
            c.byDefault() ? ConsentSource.DEFAULT : ConsentSource.EXPLICIT,
            c.time());
      }
      ledger = b.build();
    }
    return ledger;
  }

  public Auditor auditor() {
    return auditor(Policy.defaults());
  }

  public Auditor auditor(Policy policy) {
    return Auditor.of(graph(), ledger(), policy);
  }

  public Judgment judge(String viewer, String candidate) {
    return judge(viewer, candidate, Times.END_OF_TIME);
  }

  public Judgment judge(String viewer, String candidate, long t) {
    ContactGraph g = graph();
    return auditor().judge(g.accountIndex(viewer), g.accountIndex(candidate), t);
  }
}
