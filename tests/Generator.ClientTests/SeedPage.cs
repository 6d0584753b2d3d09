namespace OpenApiSdk.ClientTests;

/// <summary>The seed page's examples (../shared/seed/creating-a-starrocks-instance.txt), copied verbatim.</summary>
internal static class SeedPage
{
    public const string ProjectId = "23a50154cf494ec9ad6883979a12db0a";

    public const string InstanceId = "40dc4c5729f14aad893e2dcd5baf6a15in07";

    /// <summary>The path of the page's example request: POST https://{endpoint}/v3/{project_id}/instances/{instance_id}/starrocks.</summary>
    public const string ExamplePath = "/v3/23a50154cf494ec9ad6883979a12db0a/instances/40dc4c5729f14aad893e2dcd5baf6a15in07/starrocks";

    /// <summary>"Example Request: Creating a DB instance".</summary>
    public const string ExampleRequest = """
        {
          "name" : "htap-ff64",
          "engine" : {
            "type" : "star-rocks",
            "version" : "3.1"
          },
          "ha" : {
            "mode" : "Single"
          },
          "fe_flavor_id" : "afef3bfd-ac7c-32e1-ba44-c388acbb196a",
          "be_flavor_id" : "de565db8-0a96-37ea-9388-61167624712c",
          "db_root_pwd" : "Test@123!",
          "fe_count" : 1,
          "be_count" : 1,
          "az_mode" : "single",
          "fe_volume" : {
            "io_type" : "SSD",
            "capacity_in_gb" : 50
          },
          "be_volume" : {
            "io_type" : "SSD",
            "capacity_in_gb" : 50
          },
          "az_code" : "az",
          "time_zone" : "UTC+08:00",
          "tags_info" : {
            "sys_tags" : [ {
              "key" : "_sys_enterprise_project_id",
              "value" : "0"
            } ]
          }
        }
        """;

    /// <summary>"Example Response: Status code: 201, Success."</summary>
    public const string ExampleResponse = """
        {
          "instance" : {
            "id" : "590031445ef845bb912d7fc8243db80cin17",
            "az_code" : "az1",
            "az_mode" : "single",
            "name" : "htap-ff64",
            "engine" : {
              "type" : "star-rocks",
              "version" : "3.1"
            },
            "vpc_id" : "d5a1a29b-1476-490f-9682-c1a59593e7b0",
            "security_group_id" : "967a0ac2-3cae-4e57-a49a-d0f6ff07dcc1",
            "sub_net_id" : "2ce0bc80-bfc5-4d5e-9b78-a7f91572e03b",
            "db_user" : "root",
            "port" : 3306,
            "ha_mode" : "Single",
            "pay_info" : {
              "pay_model" : "0",
              "order_id" : null,
              "period" : null,
              "period_type" : null,
              "is_auto_renew" : null
            },
            "enable_ssl" : false,
            "status" : "creating",
            "region" : "az",
            "tags_info" : {
              "tags" : [ ],
              "sys_tags" : [ {
                "key" : "_sys_enterprise_project_id",
                "value" : "0"
              } ]
            }
          },
          "job_id" : "cf0b7506-1505-450f-9d95-ce9d93b6b5c3"
        }
        """;
}
