using System.Linq.Expressions;

namespace CoCare.Data;

/// <summary>Query helpers shared by modules.</summary>
public static class QueryScope
{
    /// <summary>
    /// Keeps rows whose region code starts with one of <paramref name="prefixes"/> (a subtree filter that
    /// both databases index). An empty list keeps nothing.
    /// </summary>
    public static IQueryable<T> WhereRegionUnder<T>(this IQueryable<T> query, Expression<Func<T, string>> regionCode, IEnumerable<string> prefixes)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        var parameter = regionCode.Parameters[0];
        Expression? body = null;
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        foreach (var prefix in prefixes.Distinct())
        {
            var test = Expression.Call(regionCode.Body, startsWith, Expression.Constant(prefix));
            body = body is null ? test : Expression.OrElse(body, test);
        }

        return query.Where(Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(false), parameter));
    }

    /// <summary>Escapes LIKE wildcards so a search for "50%" finds that text.</summary>
    public static string LikeContains(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
