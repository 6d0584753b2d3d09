using System;
using System.Collections.Generic;
using System.Linq;
using Formats.Sdk;
using Xunit;

namespace OpenApiSdk.IntegrationTests;

/// <summary>
/// Every string format of JSON Schema 2020-12 §7.3 asserted through a generated model (Specs/formats.yaml): on a
/// property, a list item, a map value and beside a choice, each reported at its pointer with the format's message.
/// Specs/formats-annotated.yaml is built with <c>ValidateFormats="false"</c> (the OpenApiSpec item's metadata, through
/// the package's props): there a format only annotates.
/// </summary>
public class StringFormatTests
{
    private static List<string> Errors(OpenApiModel model) => model.Validate().Select(e => e.Pointer + ": " + e.Message).ToList();

    [Theory]
    [InlineData("date", "2023-02-29", "must be a date (format: date, YYYY-MM-DD)")]
    [InlineData("time", "23:59:60+01:00", "must be a time (format: time, RFC 3339)")]
    [InlineData("duration", "P1Y2D", "must be a duration (format: duration, RFC 3339 Appendix A)")]
    [InlineData("email", "a..b@example.com", "must be an email address (format: email)")]
    [InlineData("idn_email", "user＠example.com", "must be an email address (format: idn-email, RFC 6531)")]
    [InlineData("hostname", "host_name", "must be a host name (format: hostname, RFC 1123)")]
    [InlineData("idn_hostname", "〮실례.테스트", "must be a host name (format: idn-hostname, RFC 5890)")]
    [InlineData("ipv4", "01.2.3.4", "must be an IPv4 address (format: ipv4)")]
    [InlineData("ipv6", "1::2::3", "must be an IPv6 address (format: ipv6)")]
    [InlineData("uri", "/relative", "must be an absolute URI (format: uri)")]
    [InlineData("uri_reference", "a b", "must be a URI reference (format: uri-reference, RFC 3986)")]
    [InlineData("iri", "âππ", "must be an absolute IRI (format: iri, RFC 3987)")]
    [InlineData("iri_reference", "#a\\b", "must be an IRI reference (format: iri-reference, RFC 3987)")]
    [InlineData("uri_template", "{a,}", "must be a URI template (format: uri-template, RFC 6570)")]
    [InlineData("json_pointer", "a/b", "must be a JSON Pointer (format: json-pointer, RFC 6901)")]
    [InlineData("relative_json_pointer", "/a", "must be a relative JSON Pointer (format: relative-json-pointer)")]
    [InlineData("regex", "(?i)a", "must be a regular expression (format: regex, ECMA-262)")]
    public void A_string_property_is_checked_against_its_format(string member, string invalid, string message)
    {
        Host host = Host.FromJson("{\"" + member + "\":" + System.Text.Json.JsonSerializer.Serialize(invalid) + "}");

        Assert.Equal(new[] { "/" + member + ": " + message }, Errors(host));
        Assert.False(host.IsValid());
    }

    [Fact]
    public void Items_map_values_and_choice_alternatives_are_checked_at_their_pointers()
    {
        Host host = Host.FromJson("""{"aliases":["a.example","-b"],"zones":{"eu":"10:00:00Z","us":"25:00:00Z"},"window":"P1D"}""");

        Assert.Equal(new[] { "/aliases/1: must be a host name (format: hostname, RFC 1123)", "/zones/us: must be a time (format: time, RFC 3339)" }, Errors(host));

        host.Window = "tomorrow";
        Assert.Contains("/window: must match exactly one of the alternatives (oneOf), but matches none of the 2", Errors(host));
    }

    [Fact]
    public void An_unknown_format_annotates()
    {
        Host host = Host.FromJson("""{"custom":"anything at all"}""");

        Assert.Empty(Errors(host));
    }

    [Theory]
    [InlineData("1990-12-31T23:59:60Z")] // RFC 3339 §5.7: a leap second
    [InlineData("1985-04-12t23:20:50.52z")] // §5.6 NOTE: lower-case t and z
    public void A_date_time_property_reads_every_rfc3339_date_time(string value)
    {
        Host host = Host.FromJson("{\"date_time\":\"" + value + "\"}");

        Assert.Empty(Errors(host));
        Assert.NotNull(host.DateTime);
    }

    private const string ValidHost = """
        {"date":"2024-02-29","date_time":"1990-12-31T23:59:60Z","time":"23:59:60Z","duration":"P4DT12H30M5S","email":"a@example.com",
         "idn_email":"δοκιμή@example.com","hostname":"www.example.com","idn_hostname":"www.example.com","ipv4":"192.0.2.1","ipv6":"::1",
         "uri":"https://example.com/a?b#c","uri_reference":"../g","iri":"http://ƒøø.ßår/","iri_reference":"âππ",
         "uuid":"f81d4fae-7dec-11d0-a765-00a0c91e6bf6","uri_template":"/hosts/{host}{?since}","json_pointer":"/a~1b","relative_json_pointer":"1/a",
         "custom":"x","aliases":["a.example"],"zones":{"eu":"10:00:00Z"},"window":"PT1H"}
        """;

    [Fact]
    public void Every_format_accepts_a_valid_value()
    {
        Host host = Host.FromJson(ValidHost);

        Assert.Empty(Errors(host));
        Assert.True(host.IsValid());
    }

    [Fact]
    public void A_valid_object_allocates_nothing_when_validated()
    {
        Host host = Host.FromJson(ValidHost); // without idn-hostname U-labels and regex, which allocate to check
        Assert.Empty(host.Validate()); // warm up

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool valid = host.IsValid();
        int errors = host.Validate().Count;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(valid);
        Assert.Equal(0, errors);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_client_parameter_is_checked_against_its_format_before_anything_is_sent()
    {
        var handler = new RecordingHandler();
        using var http = new System.Net.Http.HttpClient(handler) { BaseAddress = new Uri("https://hosts.example/") };
        var client = new HostsClient(http);

        ValidationException error = await Assert.ThrowsAsync<ValidationException>(() => client.GetHostAsync("bad_host", since: "P1Y2D"));

        Assert.Equal(
            new[] { "/path/host: must be a host name (format: hostname, RFC 1123)", "/query/since: must be a duration (format: duration, RFC 3339 Appendix A)" },
            error.Errors.Select(e => e.Pointer + ": " + e.Message));
        Assert.Equal(0, handler.Requests);
    }

    private sealed class RecordingHandler : System.Net.Http.HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override System.Threading.Tasks.Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            Requests++;
            return System.Threading.Tasks.Task.FromResult(new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new System.Net.Http.StringContent("{}") });
        }
    }

    [Fact]
    public void DataAnnotations_check_the_same_formats()
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Host host = Host.FromJson(ValidHost);
        Assert.True(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(host, new(host), results, validateAllProperties: true));

        host.Hostname = "host_name";
        host.Duration = "P1Y2D";
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(host, new(host), results, validateAllProperties: true));
        Assert.Equal(
            new[] { "Duration: The field Duration must be a duration (format: duration, RFC 3339 Appendix A).", "Hostname: The field Hostname must be a host name (format: hostname, RFC 1123)." },
            results.Select(r => string.Join(",", r.MemberNames) + ": " + r.ErrorMessage).OrderBy(m => m, StringComparer.Ordinal));
    }

    [Fact]
    public void With_ValidateFormats_false_a_format_only_annotates()
    {
        Formats.Annotated.Record record = Formats.Annotated.Record.FromJson("""{"date_time":"yesterday","uuid":"42","time":"noon","hostname":"-x-","aliases":["_"]}""");

        Assert.Empty(Errors(record));
        Assert.Equal("yesterday", record.DateTime); // a string, not a DateTimeOffset: reading would otherwise reject it
        Assert.Equal("42", record.Uuid);
        Assert.Empty(typeof(Formats.Annotated.Record).GetProperty(nameof(record.Hostname))!.GetCustomAttributes(typeof(SchemaFormatAttribute), inherit: false));
    }
}
