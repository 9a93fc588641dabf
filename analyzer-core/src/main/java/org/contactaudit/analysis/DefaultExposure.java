package org.contactaudit.analysis;

import java.util.Arrays;
import java.util.Map;
import org.contactaudit.audit.Policy;
import org.contactaudit.consent.ConsentLedger;
import org.contactaudit.graph.ContactGraph;

/**
 * Default exposure at an instant {@code t} (docs/ANALYSES.md, the WeChat Read case): accounts whose
 * activity is visible to their contacts only because of a default.
 *
 * <h2>Definitions</h2>
 *
 * <ul>
 *   <li>An account is <b>exposed by default</b> when it exists at {@code t} and the record of the
 *       policy's {@code activity_visible_to_contacts} setting ({@link Policy#settingName}) in force
 *       at {@code t} grants it with source {@code default} ({@link
 *       ConsentLedger#grantedOnlyByDefault}). This holds whatever {@code accept_default_consent}
 *       says: the figure describes what the default shows, the policy only whether it counts as
 *       consent.
 *   <li>Its <b>audience</b> is the number of accounts linked to it by a {@code MUTUAL} edge at
 *       {@code t}: accounts that exist then, whose number it holds and that hold its number. An
 *       exposed account may have an audience of {@code 0}.
 *   <li>The <b>histogram</b> counts exposed accounts by audience in the buckets {@code 0}, {@code
 *       1}, {@code 2}, {@code 3-4}, ..., {@code 100+}.
 * </ul>
 *
 * <p>Cost: one ledger look-up per account, and for each exposed account one binary search in each
 * of its user contacts' phonebooks: {@code O(accounts + Σ d log d)} time; 8 bytes per exposed
 * account. Immutable and thread-safe.
 */
public final class DefaultExposure {
  private final long at;
  private final int[] accounts;
  private final int[] audiences;

  private DefaultExposure(long at, int[] accounts, int[] audiences) {
    this.at = at;
    this.accounts = accounts;
    this.audiences = audiences;
  }

  /**
   * The accounts exposed by default at {@code t} (epoch milliseconds).
   *
   * @throws IllegalArgumentException when the ledger does not cover the graph's accounts
   */
  public static DefaultExposure of(
      ContactGraph graph, ConsentLedger consents, Policy policy, long t) {
    if (consents.accountCount() != graph.accountCount()) {
      throw new IllegalArgumentException(
          "the consent ledger covers "
              + consents.accountCount()
              + " accounts and the graph "
              + graph.accountCount());
    }
    int setting = consents.settingIndex(policy.settingName(Policy.ACTIVITY_VISIBLE_TO_CONTACTS));
    int n = graph.accountCount();
    int[] accounts = new int[n];
    int[] audiences = new int[n];
    int exposed = 0;
    int[] contacts = new int[graph.maxDegree()];
    for (int a = 0; a < n && setting >= 0; a++) {
      if (graph.isLive(a, t) && consents.grantedOnlyByDefault(a, setting, t)) {
        accounts[exposed] = a;
        audiences[exposed++] = mutualContacts(graph, a, t, contacts);
      }
    }
    return new DefaultExposure(
        t, Arrays.copyOf(accounts, exposed), Arrays.copyOf(audiences, exposed));
  }

  private static int mutualContacts(ContactGraph graph, int a, long t, int[] contacts) {
    int held = graph.contactsInto(a, t, contacts);
    int mutual = 0;
    for (int i = 0; i < held && contacts[i] < graph.accountCount(); i++) {
      int b = contacts[i];
      if (b != a && graph.holds(b, a, t)) {
        mutual++;
      }
    }
    return mutual;
  }

  /** The instant described, in epoch milliseconds. */
  public long at() {
    return at;
  }

  /** How many accounts are exposed by default. */
  public int exposedAccounts() {
    return accounts.length;
  }

  /** The sum of the exposed accounts' audiences. */
  public long audience() {
    long sum = 0;
    for (int a : audiences) {
      sum += a;
    }
    return sum;
  }

  /** Exposed accounts by audience: bucket label to count, every bucket in order. */
  public Map<String, Long> histogram() {
    Buckets b = new Buckets();
    for (int a : audiences) {
      b.add(a);
    }
    return b.histogram(true);
  }

  /** Hands each exposed account and its audience, by account id. */
  public void forEach(IdCountConsumer action) {
    for (int i = 0; i < accounts.length; i++) {
      action.accept(accounts[i], audiences[i]);
    }
  }
}
