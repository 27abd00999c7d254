using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Arguments = table.Column<string>(type: "TEXT", nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "proc_projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PurchaserOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCodes = table.Column<string>(type: "TEXT", nullable: false),
                    BudgetFen = table.Column<long>(type: "INTEGER", nullable: false),
                    FundingSource = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecurringWithAssuredBudget = table.Column<bool>(type: "INTEGER", nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: false),
                    KpiTargets = table.Column<string>(type: "TEXT", nullable: false),
                    Phases = table.Column<string>(type: "TEXT", nullable: false),
                    Evaluations = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewCriteria = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CallDescription = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CallPublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CallDeadline = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AwardedApplicationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AwardReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AwardedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AwardedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proc_projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "proc_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Approach = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Team = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    BudgetLines = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PurchaserOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DateSigned = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ActivatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CloseReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerAccountId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Scores = table.Column<string>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ScoredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Terms = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PurchaserSignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PurchaserSignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProviderSignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ProviderSignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
