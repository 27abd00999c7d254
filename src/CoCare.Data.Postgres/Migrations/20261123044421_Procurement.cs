using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Procurement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Arguments = table.Column<string>(type: "text", nullable: false),
                    Link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "proc_projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PurchaserOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCodes = table.Column<string>(type: "text", nullable: false),
                    BudgetFen = table.Column<long>(type: "bigint", nullable: false),
                    FundingSource = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RecurringWithAssuredBudget = table.Column<bool>(type: "boolean", nullable: false),
                    Items = table.Column<string>(type: "text", nullable: false),
                    KpiTargets = table.Column<string>(type: "text", nullable: false),
                    Phases = table.Column<string>(type: "text", nullable: false),
                    Evaluations = table.Column<string>(type: "text", nullable: false),
                    ReviewCriteria = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CallDescription = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CallPublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CallDeadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AwardedApplicationId = table.Column<Guid>(type: "uuid", nullable: true),
                    AwardReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AwardedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AwardedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proc_projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "proc_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Approach = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Team = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    BudgetLines = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proc_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proc_applications_proc_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "proc_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "proc_contracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PurchaserOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DateSigned = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ActivatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CloseReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proc_contracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proc_contracts_proc_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "proc_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "proc_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    StoredName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proc_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proc_attachments_proc_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "proc_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proc_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewerAccountId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReviewerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Scores = table.Column<string>(type: "text", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ScoredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proc_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proc_reviews_proc_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "proc_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "proc_contract_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Terms = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PurchaserSignedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PurchaserSignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ProviderSignedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ProviderSignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proc_contract_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proc_contract_versions_proc_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "proc_contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_messages_OrganizationId_CreatedAt",
                table: "inbox_messages",
                columns: new[] { "OrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_proc_applications_ProjectId_ProviderOrganizationId",
                table: "proc_applications",
                columns: new[] { "ProjectId", "ProviderOrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_proc_attachments_ApplicationId",
                table: "proc_attachments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_proc_contract_versions_ContractId_Number",
                table: "proc_contract_versions",
                columns: new[] { "ContractId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_proc_contracts_ProjectId",
                table: "proc_contracts",
                column: "ProjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_proc_contracts_ProviderOrganizationId",
                table: "proc_contracts",
                column: "ProviderOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_proc_projects_PurchaserOrganizationId",
                table: "proc_projects",
                column: "PurchaserOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_proc_projects_UpdatedAt",
                table: "proc_projects",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_proc_reviews_ApplicationId_ReviewerAccountId",
                table: "proc_reviews",
                columns: new[] { "ApplicationId", "ReviewerAccountId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "proc_attachments");

            migrationBuilder.DropTable(
                name: "proc_contract_versions");

            migrationBuilder.DropTable(
                name: "proc_reviews");

            migrationBuilder.DropTable(
                name: "proc_contracts");

            migrationBuilder.DropTable(
                name: "proc_applications");

            migrationBuilder.DropTable(
                name: "proc_projects");
        }
    }
}
