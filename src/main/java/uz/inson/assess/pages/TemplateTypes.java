package uz.inson.assess.pages;

import io.quarkus.qute.TemplateData;
import uz.inson.assess.assessment.AssessmentResult;
import uz.inson.assess.assessment.AssessmentService;
import uz.inson.assess.security.UserService;

/** The answer's records, readable by the templates (Qute resolves only the types it is told about). */
@TemplateData(target = AssessmentResult.class)
@TemplateData(target = AssessmentResult.NeedResult.class)
@TemplateData(target = AssessmentResult.Reason.class)
@TemplateData(target = AssessmentResult.RiskFactorResult.class)
@TemplateData(target = AssessmentResult.CasePathResult.class)
@TemplateData(target = AssessmentResult.EligibleService.class)
@TemplateData(target = AssessmentResult.HowToApply.class)
@TemplateData(target = AssessmentResult.CashPackageResult.class)
@TemplateData(target = AssessmentResult.Cap.class)
@TemplateData(target = AssessmentResult.QuestionResult.class)
@TemplateData(target = AssessmentResult.NearMiss.class)
@TemplateData(target = AssessmentResult.Derived.class)
@TemplateData(target = AssessmentResult.MeansTestResult.class)
@TemplateData(target = AssessmentService.Summary.class)
@TemplateData(target = UserService.DemoUser.class)
final class TemplateTypes {
    private TemplateTypes() {
    }
}
