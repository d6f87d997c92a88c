using CqcGuide.Rules.LearningLogs;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Forms;

// A fillable form: input/forms/<id>.yml (see docs/content-spec.md). Keys are the snake_case property names.

/// <summary>A form a team fills in the browser (After Action Review, SWARM huddle, governance minutes...).</summary>
public sealed record FormDefinition : IFrontMatter
{
    public required string Title { get; init; }
    public required string Summary { get; init; }
    /// <summary>x.y.z; saved answers record it, so bump it when fields change.</summary>
    public required string Version { get; init; }
    public int Order { get; init; } = 1000;
    /// <summary>A heading the forms index groups the form under, e.g. "Learning responses" or "Governance".</summary>
    public string Group { get; init; } = "Forms";
    /// <summary>Markdown shown above the form: what it is for, who fills it in, how long it takes.</summary>
    public string? Introduction { get; init; }
    /// <summary>The guidance page on when and how to use the form (a link to a .md file).</summary>
    public string? Guidance { get; init; }
    public IReadOnlyList<string> QualityStatements { get; init; } = [];
    /// <summary>How the form's answers pre-fill a draft learning log ("turn this into a learning log").</summary>
    public LearningLogMapping? LearningLog { get; init; }
    public required IReadOnlyList<FormSectionDefinition> Sections { get; init; }
}

public sealed record FormSectionDefinition
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Intro { get; init; }
    public required IReadOnlyList<FormField> Fields { get; init; }
}

public enum FieldType { Text, LongText, Date, Number, Choice, YesNo, Rows }

public sealed record FormField
{
    /// <summary>Unique in the form: answers are saved and exported under it.</summary>
    public required string Id { get; init; }
    public required FieldType Type { get; init; }
    public required string Label { get; init; }
    public string? Hint { get; init; }
    public bool Required { get; init; }
    /// <summary>For <c>choice</c>: the answers to choose from.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];
    /// <summary>For <c>rows</c>: the columns of each row (e.g. the steps of a "5 whys", or an action table).</summary>
    public IReadOnlyList<FormColumn> Columns { get; init; } = [];
    /// <summary>For <c>rows</c>: how many rows the form starts with.</summary>
    public int StartRows { get; init; } = 1;
}

public sealed record FormColumn
{
    public required string Id { get; init; }
    public required FieldType Type { get; init; }
    public required string Label { get; init; }
    public string? Hint { get; init; }
    public IReadOnlyList<string> Options { get; init; } = [];
}

/// <summary>
/// Which fields pre-fill which parts of a draft learning log. Text fields are named by field id; <see cref="Factors"/> and
/// <see cref="Actions"/> name a <c>rows</c> field and which of its columns hold the parts of a factor or action.
/// </summary>
public sealed record LearningLogMapping
{
    public ResponseMethod Method { get; init; } = ResponseMethod.Other;
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public string? Expected { get; init; }
    public string? Actual { get; init; }
    public string? WhyDifferent { get; init; }
    public string? WentWell { get; init; }
    public RowsMapping? Factors { get; init; }
    public RowsMapping? Actions { get; init; }
}

/// <summary>A rows field and which of its columns fill each part of a log's factor or action.</summary>
public sealed record RowsMapping
{
    /// <summary>The rows field's id.</summary>
    public required string Field { get; init; }
    /// <summary>The column holding the factor's or action's description.</summary>
    public required string Description { get; init; }
    /// <summary>Factors: the column holding the SEIPS work-system area (a choice column).</summary>
    public string? Area { get; init; }
    /// <summary>Factors: the column saying whether the problem is systemic (a yes-no column).</summary>
    public string? Systemic { get; init; }
    /// <summary>Actions: the column holding the owner's role.</summary>
    public string? OwnerRole { get; init; }
    /// <summary>Actions: the column holding the due date (a date column).</summary>
    public string? Due { get; init; }

    public IEnumerable<(string Key, string Column)> Columns()
    {
        yield return ("description", Description);
        if (Area is not null) yield return ("area", Area);
        if (Systemic is not null) yield return ("systemic", Systemic);
        if (OwnerRole is not null) yield return ("owner_role", OwnerRole);
        if (Due is not null) yield return ("due", Due);
    }
}
