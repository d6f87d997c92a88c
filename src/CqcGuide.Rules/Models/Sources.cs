namespace CqcGuide.Rules.ScoringModels;

/// <summary>The sources rules cite (from <c>shared/reference/cqc-framework-facts.md</c> and the learning-from-failure article).</summary>
public static class Sources
{
    public static readonly RuleSource CqcLocalAuthorityRatings = new(
        "CQC: How we determine ratings (local authority assessments) — the 1–4 scale and the percentage bands",
        "https://www.cqc.org.uk/guidance-regulation/local-authorities/how-we-determine-ratings");

    public static readonly RuleSource CqcReachRating = new(
        "CQC: How we reach a rating",
        "https://www.cqc.org.uk/guidance-regulation/providers/assessment/assessing-quality-and-performance/reach-rating");

    public static readonly RuleSource CqcGpExample = new(
        "CQC: How we reach a rating — example GP practice (updated 11 December 2024; shows 11/16 = 68.75% printed as 69%)",
        "https://www.cqc.org.uk/assessment/quality-performance/reach-rating-example-gp-practice");

    public static readonly RuleSource CqcBeforeDecember2024 = new(
        "CQC: How we reach a rating (for assessments before December 2024)",
        "https://gl-cqc.axis12.com/node/11030");

    public static readonly RuleSource CqcGpExampleBefore2024 = new(
        "CQC: How we reach a rating — example GP practice (versions of 22 February and 21 May 2024)",
        "https://www.cqc.org.uk/guidance-regulation/providers/assessment/assessing-quality-and-performance/reach-rating/example-gp-practice");

    public static readonly RuleSource CqcEvidenceCategories = new(
        "CQC: Evidence categories — people's experience of health and care services",
        "https://www.cqc.org.uk/guidance-regulation/providers/assessment/evidence-categories/peoples-experience");

    public static readonly RuleSource CqcQualityStatements = new(
        "CQC: Quality statements",
        "https://www.cqc.org.uk/assessment/quality-statements");

    public static readonly RuleSource RichardsReview = new(
        "Review of CQC's single assessment framework and its implementation — recommendations (15 October 2024)",
        "https://www.cqc.org.uk/publications/review-cqcs-single-assessment-framework-and-its-implementation/14-recommendations");

    public static readonly RuleSource CqcAggregationPrinciples = new(
        "CQC: How we aggregate ratings using rating principles — adult social care (12 May 2022)",
        "https://gl-cqc.axis12.com/guidance-providers/adult-social-care/how-we-aggregate-ratings-using-rating-principles-adult-social");

    public static readonly RuleSource CqcDepartureFromPrinciples = new(
        "CQC: rating principles apply \"normally\"; departures are recorded in the report",
        "https://www.cqc.org.uk/node/3277");

    public static readonly RuleSource ThornburyLimiters = new(
        "Thornbury Nursing: Unravelling the CQC scoring system (third party)",
        "https://thornbury-nursing.com/clients/blog/unravelling-cqc-scoring-system/");

    public static readonly RuleSource RidoutLimiters = new(
        "Ridout Law: Ratings limiters under the CQC's new methodology (third party; only its opening could be read)",
        "https://www.ridout-law.com/ratings-limiters-under-the-cqcs-new-methodology/");

    public static readonly RuleSource LearningFromFailure = new(
        "Learning From Failure: Using CQC Recovery to Strengthen Long-Term Quality (article; the project keeps a reference copy)",
        null);

    public static readonly RuleSource PsirfToolkit = new(
        "NHS England: Patient safety learning response toolkit (SEIPS work-system areas)",
        "https://www.england.nhs.uk/publication/patient-safety-learning-response-toolkit/");

    public static readonly RuleSource DsptImprovementPlans = new(
        "NHS DSPT: Improvement plans (an owner and an expected completion date per action)",
        "https://www.dsptoolkit.nhs.uk/News/improvement-plans");

    public static readonly RuleSource FirstCommunityPsirp = new(
        "First Community Health and Care: Patient safety incident response plan (measures; adopt, adapt or abandon)",
        "https://www.firstcommunityhealthcare.co.uk/patient-safety-incident-response-plan");

    public static readonly RuleSource CqcLearningCulture = new(
        "CQC: Learning culture quality statement",
        "https://www.cqc.org.uk/guidance-regulation/providers/assessment/single-assessment-framework/safe/learning-culture");

    public static readonly RuleSource DutyOfCandour = new(
        "CQC: Regulation 20: Duty of candour",
        "https://www.cqc.org.uk/content/regulation-20-duty-candour");

    public static readonly RuleSource WhoMustBeTold = new(
        "CQC: Regulation 18: Notification of other incidents (serious injuries, abuse, police incidents)",
        "https://www.cqc.org.uk/guidance-providers/regulations-enforcement/regulation-18-notification-other-incidents");

    public static readonly RuleSource CqcDeathNotification = new(
        "CQC: Regulation 16: Notification of death of service user",
        "https://www.cqc.org.uk/content/regulation-16-notification-death-service-user");

    public static readonly RuleSource HssibRecommendations = new(
        "HSSIB: Recommendations but no action: improving the effectiveness of quality and safety recommendations in healthcare",
        "https://hssib.org.uk/patient-safety-investigations/recommendations-but-no-action-improving-the-effectiveness-of-quality-and-safety-recommendations-in-healthcare/report");

    public static readonly RuleSource CcpsSustainableActions = new(
        "CCPS: Sustainable corrective actions: is SMART good enough? (the strength of corrective actions)",
        "https://aiche.org/ccps/conferences/ccps-middle-east-conference-on-process-safety/2017/proceeding/paper/sustainable-corrective-actions-smart-good-enough");

    public static readonly RuleSource NhsHarmRecording = new(
        "NHS England: Policy guidance on recording patient safety events and levels of harm (event types, when a harm grade is needed)",
        "https://www.england.nhs.uk/long-read/policy-guidance-on-recording-patient-safety-events-and-levels-of-harm/");

    public static readonly RuleSource NhsNumberCheckDigit = new(
        "NHS Data Dictionary: NHS Number (ten digits, the last a Modulus 11 check digit)",
        "https://www.datadictionary.nhs.uk/attributes/nhs_number.html");

    public static readonly RuleSource LearningLogFormat = new(
        "CqcGuide: the learning log format (docs/content-spec.md in the project)",
        null);

    // Statistical process control (the spc model): NHS England's Making Data Count and NHSRplotthedots 0.2.2.

    public static readonly RuleSource MakingDataCount = new(
        "NHS England: Making data count (statistical process control charts, the four rules, variation and assurance icons)",
        "https://www.england.nhs.uk/publication/making-data-count/");

    public static readonly RuleSource NhsrPlotTheDots = new(
        "NHSRplotthedots 0.2.2 (NHS-R community, MIT licence): XmR charts for Making Data Count",
        "https://github.com/nhs-r-community/NHSRplotthedots");

    public static readonly RuleSource NhsrSpcStandard = new(
        "NHSRplotthedots source, ptd_spc_standard.R: mean, moving ranges, outlier screening, process limits, close to the limits",
        "https://github.com/nhs-r-community/NHSRplotthedots/blob/main/R/ptd_spc_standard.R");

    public static readonly RuleSource NhsrPointType = new(
        "NHSRplotthedots source, ptd_calculate_point_type.R: the four rules, special cause type, improvement or concern",
        "https://github.com/nhs-r-community/NHSRplotthedots/blob/main/R/ptd_calculate_point_type.R");

    public static readonly RuleSource NhsrAssurance = new(
        "NHSRplotthedots source, ptd_calculate_assurance_type.R: consistently passing, consistently failing, inconsistent",
        "https://github.com/nhs-r-community/NHSRplotthedots/blob/main/R/ptd_calculate_assurance_type.R");

    public static readonly RuleSource NhsrShortGroups = new(
        "NHSRplotthedots source, ptd_add_short_group_warnings.R: a warning for groups of fewer than 12 points",
        "https://github.com/nhs-r-community/NHSRplotthedots/blob/main/R/ptd_add_short_group_warnings.R");

    public static readonly RuleSource NhsrRebase = new(
        "NHSRplotthedots source, ptd_rebase.R: recalculating the limits from the dates of changes",
        "https://github.com/nhs-r-community/NHSRplotthedots/blob/main/R/ptd_rebase.R");

    public static readonly RuleSource NhsrDeviations = new(
        "NHSRplotthedots vignette: Deviations from Excel defaults (outlier screening is on in R, off in the Making Data Count Excel tools)",
        "https://nhsrplotthedots.nhsrcommunity.com/articles/deviations.html");

    public static readonly RuleSource NhsrPointsRequired = new(
        "NHSRplotthedots vignette: Number of points required (12 points; trial limits; fixing the limits)",
        "https://nhsrplotthedots.nhsrcommunity.com/articles/number-of-points-required.html");

    public static readonly RuleSource RMean = new(
        "R source, summary.c: mean() divides the sum by the count, then adds the mean of the differences from that result",
        "https://github.com/wch/r-source/blob/trunk/src/main/summary.c");

    public static readonly RuleSource Iso8601Weeks = new(
        "ISO 8601 date and time format: week dates (week 1 is the week with the year's first Thursday)",
        "https://www.iso.org/iso-8601-date-and-time-format.html");

    public static readonly RuleSource Rfc4180 = new(
        "RFC 4180: Common format and MIME type for comma-separated values (CSV) files",
        "https://www.rfc-editor.org/rfc/rfc4180");

    public static readonly RuleSource SpcInputFormat = new(
        "CqcGuide: the series format of measures (period,value rows; periods 2026-W14, 2026-04, 2026-Q2) — src/CqcGuide.Rules/README.md",
        null);

    public static readonly RuleSource SpcChartGeometry = new(
        "CqcGuide: SPC chart geometry shared by the site's SVG and the browser's SVG — src/CqcGuide.Rules/README.md",
        null);
}
