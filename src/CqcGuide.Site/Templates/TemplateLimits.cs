using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace CqcGuide.Site.Templates;

/// <summary>
/// What one template render may do: at most <see cref="MaxSteps"/> statements, ranges of at most
/// <see cref="MaxRange"/> items (Fluid builds a range's array before looping, so <c>(1..100000000)</c> took gigabytes),
/// values of at most <see cref="MaxValueLength"/> characters (a string doubled in a loop filled the memory) and pages of
/// at most <see cref="MaxOutputLength"/> characters. Past a limit the page fails with CG404 at its template.
/// </summary>
public static class TemplateLimits
{
    public const int MaxSteps = 1_000_000;
    public const int MaxRange = 100_000;
    public const int MaxValueLength = 8_000_000;
    public const int MaxOutputLength = 32_000_000;

    public static ValueTask<FluidValue> Value(string name, FluidValue value)
    {
        if (value is StringValue && value.ToStringValue().Length > MaxValueLength)
            throw new FluidException($"the value of '{name}' is longer than {MaxValueLength:N0} characters");
        return ValueTask.FromResult(value);
    }

    /// <summary>Finds the filters and partials a template names, and bounds its ranges.</summary>
    public sealed class Rewriter : AstRewriter
    {
        public List<string> Filters { get; } = [];
        public List<string> Partials { get; } = [];

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            Filters.Add(filterExpression.Name);
            return base.VisitFilterExpression(filterExpression);
        }

        protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
        {
            if (includeStatement.Path is LiteralExpression literal) Partials.Add(literal.Value.ToStringValue());
            return base.VisitIncludeStatement(includeStatement);
        }

        protected override Statement VisitRenderStatement(RenderStatement renderStatement)
        {
            Partials.Add(renderStatement.Path);
            return base.VisitRenderStatement(renderStatement);
        }

        protected override Expression VisitRangeExpression(RangeExpression rangeExpression) =>
            new BoundedRange((RangeExpression)base.VisitRangeExpression(rangeExpression));
    }

    /// <summary>A range that refuses to be longer than <see cref="MaxRange"/> before Fluid builds it.</summary>
    private sealed class BoundedRange(RangeExpression inner) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var from = (await inner.From.EvaluateAsync(context)).ToNumberValue();
            var to = (await inner.To.EvaluateAsync(context)).ToNumberValue();
            if (Math.Abs(to - from) >= MaxRange)
                throw new FluidException($"the range ({from}..{to}) has more than {MaxRange:N0} items");
            return await inner.EvaluateAsync(context);
        }
    }

    /// <summary>A page's output, refused past <see cref="MaxOutputLength"/> characters.</summary>
    public sealed class LimitedWriter : StringWriter
    {
        public LimitedWriter() : base(System.Globalization.CultureInfo.InvariantCulture)
        {
        }

        private void Grow(int n)
        {
            if (GetStringBuilder().Length + n > MaxOutputLength)
                throw new FluidException($"the page is longer than {MaxOutputLength:N0} characters");
        }

        public override void Write(char value)
        {
            Grow(1);
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Grow(count);
            base.Write(buffer, index, count);
        }

        public override void Write(string? value)
        {
            Grow(value?.Length ?? 0);
            base.Write(value);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Grow(buffer.Length);
            base.Write(buffer);
        }
    }
}
