namespace Milestones.Api.Infrastructure;

/// <summary>
/// Matches any run of digits (with an optional minus), whatever its size, in place of the built-in
/// <c>long</c> constraint: an id that overflows 64 bits then reaches model binding, which answers 400
/// naming the parameter, instead of falling through to an unexplained 404 (SPEC 7).
/// </summary>
public sealed class WholeNumberRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        if (!values.TryGetValue(routeKey, out var value) || value is null)
        {
            return false;
        }

        var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        if (string.IsNullOrEmpty(text) || text.Length > 100)
        {
            return false;
        }

        var digits = text[0] == '-' ? text.AsSpan(1) : text.AsSpan();
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }
}
