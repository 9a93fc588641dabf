package org.contactaudit.io;

import java.util.List;
import org.contactaudit.consent.ConsentLedger;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.phone.PhoneDecoder;
import org.contactaudit.time.Times;

/**
 * Everything a run read: the frozen graph and ledger, the accepted recommendations, and the
 * accounting of every input row.
 *
 * @param graph the contact graph
 * @param consents the consent ledger
 * @param recommendations the accepted recommendations, in input order
 * @param files the accounting of each file, in the order accounts, contacts, consents,
 *     recommendations
 * @param sourceChecked whether consents.csv had a {@code source} column (otherwise every record is
 *     explicit and default-versus-explicit was not checked)
 * @param asOf the instant at which recommendations without {@code shown_at} are judged
 * @param decoder the run's phone decoder, for the canonical text of a number key (pseudonyms only)
 */
public record AuditInput(
    ContactGraph graph,
    ConsentLedger consents,
    Recommendations recommendations,
    List<FileSummary> files,
    boolean sourceChecked,
    long asOf,
    PhoneDecoder decoder) {

  /** The instant at which recommendation {@code i} is judged. */
  public long judgedAt(int i) {
    long t = recommendations.shownAt(i);
    return t == Times.ALWAYS ? asOf : t;
  }
}
