package dev.contractgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class JUnitXmlRendererTest {

  @Test
  void should_count_tests_failures_and_skips_overall() throws Exception {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    Element root = parse(ReportFormat.JUNIT.render(report)).getDocumentElement();
    // THEN
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("name")).isEqualTo("contract-gate check-history contracts/ (2 namespaces)");
    assertThat(root.getAttribute("tests")).isEqualTo("8");
    assertThat(root.getAttribute("failures")).isEqualTo("3");
    assertThat(root.getAttribute("errors")).isEqualTo("0");
    assertThat(root.getAttribute("skipped")).isEqualTo("1");
    assertThat(root.getAttribute("time")).isEqualTo("0.237");
  }

  @Test
  void should_write_one_suite_per_group_with_its_counts() throws Exception {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    List<Element> suites = children(parse(ReportFormat.JUNIT.render(report)).getDocumentElement(), "testsuite");
    // THEN
    assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly("ivanpin", "wgp <web|legacy>");
    assertThat(suites).extracting(
            s -> s.getAttribute("tests"), s -> s.getAttribute("failures"), s -> s.getAttribute("skipped"),
            s -> s.getAttribute("time"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("5", "1", "1", "0.230"),
            org.assertj.core.groups.Tuple.tuple("3", "2", "0", "0.007"));
    assertThat(children(suites.get(0), "testcase"))
        .extracting(c -> c.getAttribute("classname"), c -> c.getAttribute("name"), c -> c.getAttribute("time"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("contractgate.ivanpin", "blog.list", "0.035"),
            org.assertj.core.groups.Tuple.tuple("contractgate.ivanpin", "blog.get", "0.180"),
            org.assertj.core.groups.Tuple.tuple("contractgate.ivanpin", "blog.rss", "0.012"),
            org.assertj.core.groups.Tuple.tuple("contractgate.ivanpin", "health", "0.003"),
            org.assertj.core.groups.Tuple.tuple("contractgate.ivanpin", "admin.stats", "0.000"));
  }

  @Test
  void should_write_a_failure_for_each_failed_entry() throws Exception {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    Document doc = parse(ReportFormat.JUNIT.render(report));
    // THEN
    NodeList failures = doc.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(3);
    List<String> failedNames = new ArrayList<>();
    for (int i = 0; i < failures.getLength(); i++) {
      failedNames.add(((Element) failures.item(i).getParentNode()).getAttribute("name"));
    }
    assertThat(failedNames).containsExactly("blog.list", "1.1.0 -> 1.2.0", SampleReports.HOSTILE.replace("\u0007", ""));

    Element first = (Element) failures.item(0);
    assertThat(first.getAttribute("message")).isEqualTo("2 violations");
    assertThat(first.getAttribute("type")).isEqualTo("required type");
    assertThat(first.getTextContent()).isEqualTo("""
        ivanpin blog.list: 2 violations (2 findings)

        [1] BREAKING required at /customer
            expected: required property "email"
            but was : absent
            schema  : contracts/ivanpin/1.2.0/schemas/order.schema.json#/properties/customer/required

        [2] BREAKING type at /items/0/price
            expected: number
            but was : string "12.50"
            schema  : contracts/ivanpin/1.2.0/schemas/order.schema.json#/properties/items/items/properties/price
            hint    : send a JSON number; this contract does not accept decimals encoded as strings
        """);
  }

  @Test
  void should_put_fragments_into_the_failure_indented_under_their_key() throws Exception {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    Document doc = parse(ReportFormat.JUNIT.render(report));
    // THEN
    String body = doc.getElementsByTagName("failure").item(1).getTextContent();
    assertThat(body).contains("""
        [1] BREAKING type.narrowed at /properties/price
            old     : number or string
            new     : number
            consumer: wgp-web reads /items/*/price as a string
            hint    : keep accepting strings until wgp-web 3.2 is deployed
            old     : {
                        "type" : [ "number", "string" ],
                        "description" : "price <EUR> & tax"
                      }
            new     : {
                        "type" : "number"
                      }
        """);
  }

  @Test
  void should_pass_a_warning_with_its_findings_in_system_out() throws Exception {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    Element warning = testcase(parse(ReportFormat.JUNIT.render(report)), "blog.get");
    // THEN
    assertThat(children(warning, "failure")).isEmpty();
    assertThat(children(warning, "system-out")).singleElement()
        .extracting(Node::getTextContent)
        .isEqualTo("""
            ivanpin blog.get: 200 in 180 ms (1 finding)

            [1] WARNING latency
                expected: at most 150 ms
                but was : 180 ms
            """);
  }

  @Test
  void should_skip_a_skipped_entry_and_leave_a_passed_one_empty() throws Exception {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    Document doc = parse(ReportFormat.JUNIT.render(report));
    // THEN
    assertThat(children(testcase(doc, "admin.stats"), "skipped")).singleElement()
        .extracting(e -> e.getAttribute("message")).isEqualTo("no token in IVANPIN_ADMIN_TOKEN");
    assertThat(testcase(doc, "health").getChildNodes().getLength()).isZero();
  }

  @Test
  void should_escape_hostile_text_and_drop_characters_illegal_in_xml() throws Exception {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    String xml = ReportFormat.JUNIT.render(report);
    // THEN
    assertThat(xml).doesNotContain("\u0007", "<script", "<img").startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    Element hostile = testcase(parse(xml), SampleReports.HOSTILE.replace("\u0007", ""));
    Element failure = children(hostile, "failure").get(0);
    assertThat(failure.getAttribute("message")).isEqualTo("summary " + SampleReports.HOSTILE.replace("\u0007", ""));
    assertThat(failure.getAttribute("type")).isEqualTo("rule|`x`");
    assertThat(failure.getTextContent()).contains("expected: </details><img src=x onerror=alert(1)>");
  }

  private static Element testcase(Document doc, String name) {
    NodeList cases = doc.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element e = (Element) cases.item(i);
      if (e.getAttribute("name").equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no testcase named " + name);
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        out.add(e);
      }
    }
    return out;
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    DocumentBuilder builder = factory.newDocumentBuilder();
    return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void class_names_have_no_dot_inside_a_version_so_ci_files_them_under_the_namespace() {
    // Jenkins and the Surefire report split a class name at its last dot: "ivanpin@1.2.0" became package
    // "ivanpin@1.2", class "0".
    assertThat(JUnitXmlRenderer.className("ivanpin@1.2.0")).isEqualTo("contractgate.ivanpin.v1_2_0");
    assertThat(JUnitXmlRenderer.className("ivanpin 1.1.0 -> 1.2.0")).isEqualTo("contractgate.ivanpin.v1_1_0_to_v1_2_0");
    assertThat(JUnitXmlRenderer.className("my-api@2.0.0-rc.1")).isEqualTo("contractgate.my_api.v2_0_0_rc_1");
    assertThat(JUnitXmlRenderer.className("contract-gate.yaml")).isEqualTo("contractgate.contract_gate_yaml");
    assertThat(JUnitXmlRenderer.className("wgp <web|legacy>")).isEqualTo("contractgate.wgp.web_legacy");
    assertThat(JUnitXmlRenderer.className("consumers")).isEqualTo("contractgate.consumers");
    for (String group : java.util.List.of("ivanpin@1.2.0", "ivanpin 1.1.0 -> 1.2.0", "a@10.20.30-beta.2")) {
      String name = JUnitXmlRenderer.className(group);
      String className = name.substring(name.lastIndexOf('.') + 1);
      assertThat(name.split("\\.")).allSatisfy(part -> assertThat(part).matches("[A-Za-z_][A-Za-z0-9_]*"));
      assertThat(className).as("the part after the last dot of " + name).startsWith("v");
    }
  }
}
