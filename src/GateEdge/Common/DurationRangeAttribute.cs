namespace GateEdge.Common;

/// <summary>
/// The bounds of a duration option, beside it (<c>"00:00:01"</c> to <c>"00:01:00"</c>): carried into
/// config/gateedge.schema.json, which the configuration check holds every file to. The duration
/// counterpart of <see cref="System.ComponentModel.DataAnnotations.RangeAttribute"/>, whose
/// TimeSpan form needs reflection that a trimmed, native gateway does not keep.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class DurationRangeAttribute(string minimum, string maximum) : Attribute
{
    /// <summary>As written (<c>00:00:00.05</c>): the schema shows the technician the same text.</summary>
    public string Minimum { get; } = minimum;

    public string Maximum { get; } = maximum;
}
