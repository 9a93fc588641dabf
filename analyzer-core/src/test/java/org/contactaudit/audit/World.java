package org.contactaudit.audit;

import java.util.ArrayList;
import java.util.List;
import org.contactaudit.consent.ConsentLedger;
import org.contactaudit.consent.ConsentLedgerBuilder;
import org.contactaudit.consent.ConsentSource;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.graph.ContactGraphBuilder;
import org.contactaudit.time.Times;

/** A small world of accounts, phonebook entries and consents, written the way a test reads. */
final class World {
  record Account(String id, long number, long from, long to) {}

  record Entry(String owner, long number, long from, long to) {}

  record Consent(String account, String setting, boolean value, boolean byDefault, long time) {}

  static final List<String> ALL_SETTINGS =
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

  World account(String id, long number) {
    return account(id, number, Times.ALWAYS, Times.NEVER);
  }

  World account(String id, long number, long from, long to) {
    accounts.add(new Account(id, number, from, to));
    return this;
  }

  long numberOf(String id) {
    return accounts.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().number();
  }

  /** {@code owner} holds the number of account {@code subject}. */
  World holds(String owner, String subject) {
    return holdsNumber(owner, numberOf(subject), Times.ALWAYS, Times.NEVER);
  }

  World holds(String owner, String subject, long from, long to) {
    return holdsNumber(owner, numberOf(subject), from, to);
  }

  World holdsNumber(String owner, long number) {
    return holdsNumber(owner, number, Times.ALWAYS, Times.NEVER);
  }

  World holdsNumber(String owner, long number, long from, long to) {
    entries.add(new Entry(owner, number, from, to));
    return this;
  }

  /** Explicit, always-known grants of the given settings. */
  World grant(String account, String... settings) {
    for (String s : settings) {
      consent(account, s, true, false, Times.ALWAYS);
    }
    return this;
  }

  /** Every setting granted explicitly, for each account. */
  World grantAll(String... ids) {
    for (String id : ids) {
      grant(id, ALL_SETTINGS.toArray(new String[0]));
    }
    return this;
  }

  World consent(String account, String setting, boolean value, boolean byDefault, long time) {
    consents.add(new Consent(account, setting, value, byDefault, time));
    return this;
  }

  ContactGraph graph() {
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

  ConsentLedger ledger() {
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

  Auditor auditor() {
    return auditor(Policy.defaults());
  }

  Auditor auditor(Policy policy) {
    return Auditor.of(graph(), ledger(), policy);
  }

  Judgment judge(String viewer, String candidate) {
    return judge(viewer, candidate, Times.END_OF_TIME);
  }

  Judgment judge(String viewer, String candidate, long t) {
    ContactGraph g = graph();
    return auditor().judge(g.accountIndex(viewer), g.accountIndex(candidate), t);
  }
}
