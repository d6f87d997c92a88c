using System.Collections.Frozen;
using Fluid;
using Fluid.Values;

namespace CqcGuide.Site.Templates;

/// <summary>
/// How templates read the view models, made fast. Fluid reads a member of any object by looking up an accessor by type
/// and name, then turns the value into a template value by testing it against a dozen interfaces; a page's side
/// navigation alone reads about a thousand members, which made that most of a large site's render time. Here each view
/// type's members are looked up once, by their template names, with the accessors Fluid itself would use; strings,
/// view models and lists of them become template values directly, anything else goes through Fluid as before.
/// A name that is not a member goes through Fluid too, so unknown members are reported exactly as they were.
/// </summary>
internal sealed class ViewValues
{
    private readonly FrozenDictionary<Type, FrozenDictionary<string, IMemberAccessor>> types;

    public ViewValues(IEnumerable<Type> viewTypes, MemberAccessStrategy strategy)
    {
        // Classes and records only: Fluid turns enums into their names and other value types by their type code.
        types = viewTypes.Where(t => t.IsClass).Distinct().ToFrozenDictionary(t => t, t => t.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => strategy.MemberNameStrategy(p))
            .Distinct(StringComparer.Ordinal)
            .Select(name => (name, accessor: strategy.GetAccessor(t, name)))
            .Where(x => x.accessor is not null and not IAsyncMemberAccessor)
            .ToFrozenDictionary(x => x.name, x => x.accessor!, StringComparer.Ordinal));
    }

    /// <summary>A value converter for Fluid: a view model becomes a <see cref="ViewValue"/>, anything else is left to Fluid.</summary>
    public object? Convert(object value) => types.TryGetValue(value.GetType(), out var members) ? new ViewValue(value, members, this) : null;

    /// <summary>A member's value as a template value. What is not a string, a view or a list of views goes to Fluid, whose
    /// conversion runs every value converter (this class's included) first.</summary>
    private FluidValue Wrap(object? value, TemplateContext context)
    {
        switch (value)
        {
            case null:
                return NilValue.Instance;
            case FluidValue ready: // Fluid's accessors give booleans as template values already
                return ready;
            case string s:
                return new StringValue(s);
        }
        if (types.TryGetValue(value.GetType(), out var members)) return new ViewValue(value, members, this);
        if (value is IReadOnlyList<object> list && value is System.Collections.IList && list.All(item => item is not null && types.ContainsKey(item.GetType())))
        {
            if (list.Count == 0) return ArrayValue.Empty;
            var items = new FluidValue[list.Count];
            for (var i = 0; i < items.Length; i++) items[i] = new ViewValue(list[i], types[list[i].GetType()], this);
            return new ArrayValue(items);
        }
        return FluidValue.Create(value, context.Options);
    }

    private sealed class ViewValue(object value, FrozenDictionary<string, IMemberAccessor> members, ViewValues owner) : ObjectValueBase(value)
    {
        public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) =>
            members.TryGetValue(name, out var accessor)
                ? new ValueTask<FluidValue>(owner.Wrap(accessor.Get(Value, name, context), context))
                : base.GetValueAsync(name, context);
    }
}
