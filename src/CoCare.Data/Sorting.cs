using System.Linq.Expressions;
using CoCare.Kernel;

namespace CoCare.Data;

/// <summary>Applies a named sort from a fixed list; an unknown name is a validation error, not a silent default.</summary>
public sealed class Sorting<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly string defaultKey;

    public Sorting(string defaultKey) => this.defaultKey = defaultKey;

    /// <summary>Adds a sort key; with <paramref name="newestFirst"/> it runs descending unless the caller asks for desc (i.e. the oldest first).</summary>
    public Sorting<T> Add<TKey>(string name, Expression<Func<T, TKey>> key, bool newestFirst = false)
    {
        keys[name] = (q, desc) => desc != newestFirst ? q.OrderByDescending(key) : q.OrderBy(key);
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
