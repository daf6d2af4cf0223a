package yoriai.casefile;

import java.util.LinkedHashMap;
import java.util.Map;
import yoriai.shared.Validator;

/**
 * The four assessment domains: 運動・移動, 日常生活(家庭生活), 社会参加・対人関係・コミュニケーション, 健康管理.
 * Each is optional because care managers fill in only what they have.
 */
public record Assessment(
    AssessmentDomain movement,
    AssessmentDomain dailyLife,
    AssessmentDomain socialParticipation,
    AssessmentDomain healthManagement) {

  void validate(String path, Validator v) {
    domains(path).forEach((domainPath, domain) -> domain.validate(domainPath, v));
  }

  private Map<String, AssessmentDomain> domains(String path) {
    Map<String, AssessmentDomain> domains = new LinkedHashMap<>();
    putIfPresent(domains, path + ".movement", movement);
    putIfPresent(domains, path + ".dailyLife", dailyLife);
    putIfPresent(domains, path + ".socialParticipation", socialParticipation);
    putIfPresent(domains, path + ".healthManagement", healthManagement);
    return domains;
  }

  private static void putIfPresent(Map<String, AssessmentDomain> domains, String path, AssessmentDomain domain) {
    if (domain != null) {
      domains.put(path, domain);
    }
  }
}
