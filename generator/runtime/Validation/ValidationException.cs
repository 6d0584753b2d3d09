using OpenApiSdk.Runtime;
using System;
using System.Collections.Generic;

namespace OpenApiSdk;

/// <summary>Thrown when a value breaks its schema; <see cref="Errors"/> lists every broken rule.</summary>
public sealed class ValidationException : Exception
{
    /// <summary>Creates the exception for the given errors.</summary>
    public ValidationException(string subject, IReadOnlyList<ValidationError> errors)
        : base(OpenApiRuntime.DescribeErrors(subject, errors))
    {
        Errors = errors;
    }

    /// <summary>Every broken rule, each with its JSON Pointer.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }
}
