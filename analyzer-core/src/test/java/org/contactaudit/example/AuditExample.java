package org.contactaudit.example;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.contactaudit.audit.Auditor;
import org.contactaudit.audit.Judgment;
import org.contactaudit.audit.Policy;
import org.contactaudit.io.AuditInput;
import org.contactaudit.io.DatasetReader;
import org.contactaudit.io.InputPaths;
import org.contactaudit.io.ReadOptions;
import org.contactaudit.io.Reject;

public class AuditExample {
  public static void main(String[] args) {
    // A folder with accounts.csv, contacts.csv, consents.csv and recommendations.csv
    Path folder = Path.of(args.length > 0 ? args[0] : "examples");
    List<Reject> rejects = new ArrayList<>();
    AuditInput input =
        DatasetReader.read(
            InputPaths.inFolder(folder),
            ReadOptions.builder().defaultRegion("CN").build(),
            rejects::add);
    Auditor auditor = Auditor.of(input.graph(), input.consents(), Policy.defaults());
    System.out.println(rejects.size() + " rows rejected");

    // Judge one recommendation: ling was shown zhou
    Judgment j = auditor.judge("ling", "zhou", Instant.parse("2020-02-01T09:00:00Z"));
    System.out.println(j.toString(input.graph()));

    // The consent-safe filter: may the app show ben to amy?
    boolean show = auditor.isConsensual("amy", "ben", Instant.parse("2020-02-03T11:00:00Z"));
    System.out.println("show ben to amy: " + show);
  }
}
