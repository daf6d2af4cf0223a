package yoriai.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import yoriai.archive.ArchiveEntry;
import yoriai.testing.Api;
import yoriai.testing.Discussion;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.MovableClock;
import yoriai.testing.TestServer;
import yoriai.testing.WsClient;

/** What search engines and feed readers fetch: /sitemap.xml, /robots.txt and the filtered Atom feeds. */
class SiteAndFeedsOverHttpTest {
  private static final String AWKWARD_TITLE = "買い物 & 「調理」<困難> \"独居\"";
  private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final MovableClock clock = new MovableClock(START);
  private static TestServer server;
  private static Api api;
  private static TestServer.SignedIn host;
  private static String gunmaShopping;
  private static String naganoBathing;
  private static String unpublished;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of(), clock);
    api = server.api();
    host = server.municipality("高崎 司会");
    TestServer.SignedIn therapist = server.professional("理学 花子", "理学療法士");
    gunmaShopping = publish(therapist, Meetings.sheet().put("title", AWKWARD_TITLE), "買い物");
    ObjectNode bath = Meetings.sheet().put("title", "浴槽をまたげなくなった男性").put("prefecture", "長野県");
    bath.withArray("activities").removeAll().addObject().put("activity", "入浴").put("level", "一部介助")
        .put("canDo", "体は自分で洗える").put("difficulty", "浴槽の出入りが怖い");
    naganoBathing = publish(therapist, bath, "入浴");
    unpublished = Meetings.submittedCase(api, host.token());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String publish(TestServer.SignedIn therapist, ObjectNode sheet, String activity) {
    String meetingId = Meetings.open(api, host.token(), sheet);
    try (Discussion meeting = new Discussion(server, host, meetingId); WsClient pt = meeting.join(therapist)) {
      meeting.phase("proposals");
      String proposal = meeting.propose(pt, activity, "mutual", "近所の人と一緒に", "自分でできることを続ける");
      meeting.summarizeAndClose("互助で続ける", proposal);
      Api.Reply published = meeting.publish();
      assertThat(published.status()).as(published.body()).isEqualTo(200);
      return published.json().at("/entries/0/id").asText();
    }
  }

  @Test
  void the_sitemap_lists_the_public_pages_and_each_published_case_with_its_last_change_never_an_unpublished_one() {
    // within the session's lifetime
    clock.advance(Duration.ofHours(2));
    Api.Reply redacted = api.post("/api/v1/archive/cases/" + naganoBathing + "/redactions", host.token(),
        Json.object().put("path", "title").put("reason", "ご本人が特定されるとの申し出").toString());
    assertThat(redacted.status()).as(redacted.body()).isEqualTo(200);

    Api.Reply reply = api.get("/sitemap.xml", null);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/xml");
    Document sitemap = xml(reply.body());
    assertThat(sitemap.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
    Map<String, String> lastmod = new LinkedHashMap<>();
    for (Element url : elements(sitemap.getDocumentElement(), "url")) {
      List<Element> modified = elements(url, "lastmod");
      lastmod.put(text(url, "loc"), modified.isEmpty() ? null : modified.get(0).getTextContent());
    }
    String base = server.baseUrl();
    assertThat(lastmod).containsKeys(base + "/archive", base + "/catalog", base + "/insights",
        base + "/archive/cases/" + gunmaShopping, base + "/archive/cases/" + naganoBathing);
    assertThat(lastmod.keySet()).noneMatch(loc -> loc.contains(unpublished));
    Instant published = Instant.parse(lastmod.get(base + "/archive/cases/" + gunmaShopping));
    assertThat(published).isBetween(START, START.plus(Duration.ofHours(1)));
    assertThat(Instant.parse(lastmod.get(base + "/archive/cases/" + naganoBathing)))
        .as("the redaction is the entry's last change").isAfterOrEqualTo(START.plus(Duration.ofHours(2)));
  }

  @Test
  void robots_allows_the_public_pages_and_the_feeds_not_the_rest_of_the_api_and_names_the_sitemap() {
    Api.Reply robots = api.get("/robots.txt", null);
    assertThat(robots.status()).isEqualTo(200);
    assertThat(robots.header("Content-Type")).startsWith("text/plain");
    assertThat(robots.body().lines().toList()).contains("User-agent: *", "Allow: /archive", "Allow: /catalog",
        "Allow: /insights", "Allow: /api/v1/archive/feed.atom", "Disallow: /api/",
        "Sitemap: " + server.baseUrl() + "/sitemap.xml");
  }

  @Test
  void a_feed_follows_a_prefecture_an_activity_or_both_with_a_title_that_says_so_and_links_to_the_entry_pages() {
    Document gunma = feed("?prefecture=群馬県");
    assertThat(entryIds(gunma)).containsExactly(gunmaShopping);
    assertThat(text(gunma.getDocumentElement(), "title")).isEqualTo("寄り合い 公開アーカイブ: 群馬県の事例");
    assertThat(link(gunma.getDocumentElement(), "self")).isEqualTo(server.baseUrl() + "/api/v1/archive/feed.atom?prefecture="
        + URLEncoder.encode("群馬県", StandardCharsets.UTF_8));
    Element entry = elements(gunma.getDocumentElement(), "entry").get(0);
    assertThat(link(entry, "alternate")).isEqualTo(server.baseUrl() + "/archive/cases/" + gunmaShopping);
    assertThat(text(entry, "title")).as("escaped on the way, intact once parsed").isEqualTo(AWKWARD_TITLE);

    assertThat(entryIds(feed("?activity=入浴"))).containsExactly(naganoBathing);
    assertThat(text(feed("?activity=入浴").getDocumentElement(), "title")).isEqualTo("寄り合い 公開アーカイブ: 「入浴」の事例");
    Document both = feed("?prefecture=長野県&activity=入浴");
    assertThat(entryIds(both)).containsExactly(naganoBathing);
    assertThat(text(both.getDocumentElement(), "title")).isEqualTo("寄り合い 公開アーカイブ: 長野県の「入浴」の事例");
    assertThat(entryIds(feed("?prefecture=長野県&activity=買い物"))).isEmpty();
    assertThat(entryIds(feed(""))).contains(gunmaShopping, naganoBathing).doesNotContain(unpublished);
    assertThat(text(feed("").getDocumentElement(), "title")).isEqualTo("寄り合い 公開アーカイブ");
  }

  @Test
  void the_sitemap_never_passes_the_url_limit_however_many_services_and_cases() {
    int max = 10;
    int lists = 3;
    assertThat(SiteRoutes.servicesWithin(max, 4)).isEqualTo(4);
    assertThat(SiteRoutes.casesWithin(max, 4)).isEqualTo(max - lists - 4);
    assertThat(SiteRoutes.servicesWithin(max, 50)).as("services are capped too").isEqualTo(max - lists);
    assertThat(SiteRoutes.casesWithin(max, max - lists)).as("no room: none, never a limit of 0 read as none").isZero();
    assertThat(SiteRoutes.casesWithin(max, max - 1)).isZero();
  }

  @Test
  void an_entry_and_its_feed_are_updated_at_its_last_redaction_and_an_empty_feed_is_not_dated_1970() {
    clock.advance(Duration.ofHours(3));
    Instant redactedAfter = clock.instant();
    Api.Reply redacted = api.post("/api/v1/archive/cases/" + naganoBathing + "/redactions", host.token(),
        Json.object().put("path", "summary.direction").put("reason", "ご本人が特定されるとの申し出").toString());
    assertThat(redacted.status()).as(redacted.body()).isEqualTo(200);

    Element feed = feed("?activity=入浴").getDocumentElement();
    Element entry = elements(feed, "entry").get(0);
    assertThat(Instant.parse(text(entry, "updated"))).isAfterOrEqualTo(redactedAfter);
    assertThat(Instant.parse(text(entry, "published"))).isBefore(redactedAfter);
    assertThat(text(feed, "updated")).isEqualTo(text(entry, "updated"));

    Element empty = feed("?prefecture=長野県&activity=買い物").getDocumentElement();
    assertThat(Instant.parse(text(empty, "updated"))).isAfter(START.minus(Duration.ofMinutes(1)));
  }

  @Test
  void feed_ids_are_valid_urns_and_a_summary_leaves_out_what_an_entry_lacks() {
    String rfc8141 = "urn:[a-z0-9][a-z0-9-]{0,31}[a-z0-9]:(?:[A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-F]{2})+";
    assertThat(text(feed("").getDocumentElement(), "id")).isEqualTo("urn:yoriai:archive:feed").matches(rfc8141);
    assertThat(text(feed("?prefecture=群馬県&activity=買い物").getDocumentElement(), "id"))
        .isEqualTo("urn:yoriai:archive:feed:prefecture=" + encode("群馬県") + "&activity=" + encode("買い物"))
        .matches(rfc8141);

    ArchiveEntry bare = new ArchiveEntry("e1", "題", "群馬県", null, START, null, null, null, null, null, null, null, null);
    Element entry = elements(xml(ArchiveFeed.write(List.of(bare), List.of(), new ArchiveFeed.Follows(null, null), "", START))
        .getDocumentElement(), "entry").get(0);
    assertThat(text(entry, "summary")).isEqualTo("群馬県");
  }

  @Test
  void a_feed_follows_entries_published_as_the_former_medication_activity() {
    assertThat(api.get("/api/v1/archive/feed.atom?activity=" + encode("服薬管理"), null).status()).isEqualTo(200);
  }

  @Test
  void an_unknown_prefecture_or_activity_is_refused_naming_it() {
    for (String query : List.of("?prefecture=" + encode("群馬"), "?activity=" + encode("散歩"), "?prefecture=" + encode("東京都")
        + "&activity=" + encode("散歩"))) {
      Api.Reply reply = api.get("/api/v1/archive/feed.atom" + query, null);
      assertThat(reply.status()).as(query).isEqualTo(400);
      assertThat(reply.json().at("/error/code").asText()).isEqualTo("invalid_request");
      String named = query.contains("activity") ? "activity" : "prefecture";
      assertThat(reply.json().at("/error/details/0/field").asText()).isEqualTo(named);
    }
  }

  private static Document feed(String query) {
    String encoded = query.replace("群馬県", encode("群馬県")).replace("長野県", encode("長野県"))
        .replace("入浴", encode("入浴")).replace("買い物", encode("買い物"));
    Api.Reply reply = api.get("/api/v1/archive/feed.atom" + encoded, null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/atom+xml");
    Document feed = xml(reply.body());
    assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
    return feed;
  }

  private static List<String> entryIds(Document feed) {
    return elements(feed.getDocumentElement(), "entry").stream()
        .map(entry -> text(entry, "id").replace("urn:yoriai:archive:", "")).toList();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static Document xml(String text) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + text, e);
    }
  }

  /** The child elements of {@code parent} named {@code name} (direct children only). */
  private static List<Element> elements(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child && child.getLocalName().equals(name)) {
        found.add(child);
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    return elements(parent, name).get(0).getTextContent();
  }

  private static String link(Element parent, String rel) {
    return elements(parent, "link").stream().filter(link -> rel.equals(link.getAttribute("rel")))
        .map(link -> link.getAttribute("href")).findFirst().orElseThrow();
  }
}
