package org.contactaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/refinements gives the verdicts its README names, each refinement showing up. */
class RefinementsExampleTest {
  @TempDir Path tmp;

  @Test
  void verdictsAreThoseOfTheReadme() throws IOException {
    Path out = tmp.resolve("audit");
    Cli.Run run =
        Cli.run(
            "audit",
            "--input",
            Cli.EXAMPLES.resolve("refinements").toString(),
            "--default-region",
            "CN",
            "--key-file",
            Cli.EXAMPLES.resolve("example.key").toString(),
            "--out",
            out.toString());
    assertEquals(0, run.exit(), run.err());
    List<String> expected =
        List.of(
            "2,ling,zhou,LEAK,REVERSE,REVERSE,viewer.discoverable_by_phone,DISCLOSES,true,false",
            "3,zhou,wang,OK,,FORWARD,,SUPPORTED,false,false",
            "4,zhou,qian,LEAK,FORWARD,FORWARD,candidate.discoverable_by_phone,DISCLOSES,true,true",
            "5,amy,ben,OK,,MUTUAL,,SUPPORTED,false,false",
            "6,amy,ben,STALE,MUTUAL,MUTUAL,entry.deleted,FALSE,false,false",
            "7,mei,huang,OK,,MUTUAL,,SUPPORTED,false,false",
            "8,huang,mei,OK,,MUTUAL,,DISCLOSES,false,false",
            "9,mei,huang,OK,,MUTUAL,,FALSE,false,false",
            "10,huang,mei,OK,,MUTUAL,,UNRECOGNIZED,false,false");
    List<String> rows = Files.readAllLines(out.resolve("verdicts.csv"));
    assertEquals(expected.size() + 1, rows.size());
    for (int i = 0; i < expected.size(); i++) {
      String[] cells = rows.get(i + 1).split(",", -1);
      int n = cells.length;
      String row =
          String.join(
              ",",
              cells[0],
              cells[1],
              cells[2],
              cells[5],
              cells[6],
              cells[7],
              cells[8],
              cells[n - 3],
              cells[n - 2],
              cells[n - 1]);
      assertEquals(expected.get(i), row);
    }
    assertEquals(
        List.of(
            "file,line,column,reason,detail",
            "accounts.csv,6,phone,PHONE_CONFLICT,the number belongs to account 'wang' (line 4) at"
                + " the same time; accounts may share a number only when their lifetimes"
                + " (registered_at to deleted_at) do not overlap"),
        Files.readAllLines(out.resolve("rejects.csv")));
  }
}
