using System.Linq.Expressions;
using CoCare.Kernel;

namespace CoCare.Directory.Features;

/// <summary>Applies a named sort from a fixed list; an unknown name is a validation error, not a silent default.</summary>
internal sealed class Sorting<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly string defaultKey;

    public Sorting(string defaultKey) => this.defaultKey = defaultKey;

    public Sorting<T> Add<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        keys[name] = (q, desc) => desc ? q.OrderByDescending(key) : q.OrderBy(key);
        return this;
    }

    public IEnumerable<string> Names => keys.Keys;

    public IOrderedQueryable<T> Apply(IQueryable<T> query, PageRequest paging)
    {
        var name = paging.Sort ?? defaultKey;
        if (!keys.TryGetValue(name, out var apply))
        {
            throw new DomainException("List.UnknownSort", ErrorKind.Validation, "sort", name, string.Join(", ", keys.Keys));
        }

        return apply(query, paging.Descending);
    }
}
