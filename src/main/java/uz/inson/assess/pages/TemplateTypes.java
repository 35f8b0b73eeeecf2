package uz.inson.assess.pages;

import io.quarkus.qute.TemplateData;
import uz.inson.assess.assessment.AssessmentResult;
import uz.inson.assess.assessment.AssessmentService;
import uz.inson.assess.rules.RuleSetProblem;
import uz.inson.assess.rulesets.ImpactJob;
import uz.inson.assess.rulesets.RuleSetDiff;
import uz.inson.assess.rulesets.RuleSetView;
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
@TemplateData(target = RuleSetView.class)
@TemplateData(target = RuleSetView.Page.class)
@TemplateData(target = RuleSetView.ActivationView.class)
@TemplateData(target = RuleSetView.Validation.class)
@TemplateData(target = RuleSetView.ScenarioResult.class)
@TemplateData(target = RuleSetProblem.class)
@TemplateData(target = PolicyPage.Powers.class)
@TemplateData(target = ImpactJob.Report.class)
@TemplateData(target = ImpactJob.Progress.class)
@TemplateData(target = ImpactJob.ServiceChange.class)
@TemplateData(target = ImpactJob.Area.class)
@TemplateData(target = RuleSetDiff.Diff.class)
@TemplateData(target = RuleSetDiff.TableDiff.class)
@TemplateData(target = RuleSetDiff.RowView.class)
@TemplateData(target = RuleSetDiff.RowChange.class)
@TemplateData(target = RuleSetDiff.CellChange.class)
@TemplateData(target = RuleSetDiff.CatalogDiff.class)
final class TemplateTypes {
    private TemplateTypes() {
    }
}
