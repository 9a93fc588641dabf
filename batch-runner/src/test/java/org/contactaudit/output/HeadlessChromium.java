package org.contactaudit.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Opens a local page in Debian's {@code chromium}, headless, and reports what the browser saw: the
 * DOM after loading, the console messages, and the network requests the page caused.
 *
 * <p>Console messages (errors, uncaught exceptions, Content-Security-Policy violations) are the
 * {@code CONSOLE} lines of Chromium's log on stderr. Network requests are the {@code
 * NotifyBeforeURLRequest} lines of its verbose log, attributed with its NetLog: Chromium makes
 * requests of its own even with background networking off (network time, extension updates, account
 * checks); NetLog marks them with the initiator {@code "not an origin"}, while a request a {@code
 * file://} page causes has that page's origin and network isolation key. The host resolver maps
 * every name to nothing, so no request leaves the machine either way.
 */
final class HeadlessChromium {

  /** Debian's launcher. */
  static final Path BINARY = Path.of("/usr/bin/chromium");

  static final String INSTALL = "apt-get update && apt-get install -y chromium";

  private static final long TIMEOUT_SECONDS = 60;
  private static final String BROWSER_INITIATOR = "not an origin";
  private static final String REQUEST_LOG = "NotifyBeforeURLRequest: ";

  /**
   * What the browser saw.
   *
   * @param dom the DOM after loading, serialized
   * @param console the console messages, one log line each
   * @param pageRequests the URLs of the network requests the page caused
   * @param screenshot the screenshot of the window
   */
  record Visit(String dom, List<String> console, Set<String> pageRequests, Path screenshot) {}

  private HeadlessChromium() {}

  static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /**
   * Loads a page, dumps its DOM and takes a screenshot of a 1280 x 2400 window.
   *
   * @param page the HTML file
   * @param profile a fresh, empty folder for the browser's profile
   * @param name the stem of the files written beside the page: name.png, name.dom.html,
   *     name.chromium.log and name.netlog.json
   */
  static Visit visit(Path page, Path profile, String name)
      throws IOException, InterruptedException {
    Path folder = page.toAbsolutePath().getParent();
    Path dom = folder.resolve(name + ".dom.html");
    Path log = folder.resolve(name + ".chromium.log");
    Path netLog = folder.resolve(name + ".netlog.json");
    Path screenshot = folder.resolve(name + ".png");
    for (Path old : List.of(dom, log, netLog, screenshot)) {
      Files.deleteIfExists(old);
    }
    List<String> command =
        List.of(
            BINARY.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + profile.toAbsolutePath(),
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--log-net-log=" + netLog,
            "--enable-logging=stderr",
            "--v=1",
            "--window-size=1280,2400",
            "--screenshot=" + screenshot,
            "--dump-dom",
            page.toAbsolutePath().toUri().toString());
    Process chromium =
        new ProcessBuilder(command)
            .redirectOutput(dom.toFile())
            .redirectError(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    try {
      if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        fail("chromium did not finish within " + TIMEOUT_SECONDS + " s; its log: " + log);
      }
      assertEquals(0, chromium.exitValue(), () -> "chromium failed; its log: " + log);
    } finally {
      List<ProcessHandle> started = new ArrayList<>(chromium.descendants().toList());
      started.add(chromium.toHandle());
      started.forEach(ProcessHandle::destroyForcibly);
    }
    List<String> lines = Files.readAllLines(log, UTF_8);
    return new Visit(
        Files.readString(dom, UTF_8), console(lines), pageRequests(lines, netLog), screenshot);
  }

  /** The log lines of console messages: errors, uncaught exceptions and CSP violations. */
  private static List<String> console(List<String> lines) {
    return lines.stream()
        .filter(
            line ->
                line.contains(":CONSOLE")
                    || line.contains("Uncaught")
                    || line.contains("Refused to")
                    || line.contains("Content Security Policy"))
        .toList();
  }

  /**
   * The requests that are not the browser's own: those NetLog attributes to a page, and those of
   * the verbose log NetLog does not attribute to the browser.
   */
  private static Set<String> pageRequests(List<String> lines, Path netLog) throws IOException {
    JsonNode log = new ObjectMapper().readTree(netLog.toFile());
    int startJob =
        log.path("constants").path("logEventTypes").path("URL_REQUEST_START_JOB").asInt();
    Set<String> browsers = new LinkedHashSet<>();
    Set<String> pages = new LinkedHashSet<>();
    for (JsonNode event : log.path("events")) {
      JsonNode params = event.path("params");
      if (event.path("type").asInt() != startJob || !params.has("url")) {
        continue;
      }
      String url = params.path("url").asText();
      boolean browsersOwn =
          BROWSER_INITIATOR.equals(params.path("initiator").asText())
              && !params.path("network_isolation_key").asText().startsWith("file:");
      (browsersOwn ? browsers : pages).add(url);
    }
    for (String line : lines) {
      int at = line.indexOf(REQUEST_LOG);
      if (at >= 0) {
        String url = line.substring(at + REQUEST_LOG.length()).strip();
        if (!browsers.contains(url)) {
          pages.add(url);
        }
      }
    }
    return pages;
  }
}
