using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Voice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "voice_feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrackingCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContactNameCipher = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ContactPhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactPhoneMasked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ServicePointId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ServiceOrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProviderOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssignedOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    FirstAnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reopened = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    EscalatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voice_feedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "voice_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConvenerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TopicIds = table.Column<string>(type: "TEXT", nullable: false),
                    Quorum = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voice_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "voice_ratings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ProviderOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ServiceTypeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ServicePointId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voice_ratings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "voice_topics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    RaisedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CollectiveIssueId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Supporters = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voice_topics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "voice_feedback_responses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FeedbackId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voice_feedback_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_voice_feedback_responses_voice_feedback_FeedbackId",
                        column: x => x.FeedbackId,
                        principalTable: "voice_feedback",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "voice_motions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TopicId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Options = table.Column<string>(type: "TEXT", nullable: false),
                    Majority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Secret = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Counts = table.Column<string>(type: "TEXT", nullable: false),
                    Eligible = table.Column<int>(type: "INTEGER", nullable: false),
                    Present = table.Column<int>(type: "INTEGER", nullable: false),
                    Carried = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voice_motions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_voice_motions_voice_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "voice_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "voice_participants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Household = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Attendance = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ProxyName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Delegation = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voice_participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_voice_participants_voice_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "voice_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "voice_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MotionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Carried = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voice_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_voice_decisions_voice_motions_MotionId",
                        column: x => x.MotionId,
                        principalTable: "voice_motions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "voice_tallies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MotionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Counts = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voice_tallies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_voice_tallies_voice_motions_MotionId",
                        column: x => x.MotionId,
                        principalTable: "voice_motions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "voice_ballots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MotionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Option = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voice_ballots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_voice_ballots_voice_motions_MotionId",
                        column: x => x.MotionId,
                        principalTable: "voice_motions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_voice_ballots_voice_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "voice_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "voice_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ElderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ElderName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Condition = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voice_rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_voice_rules_voice_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "voice_decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_voice_ballots_MotionId_ParticipantId",
                table: "voice_ballots",
                columns: new[] { "MotionId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_voice_ballots_ParticipantId",
                table: "voice_ballots",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_voice_decisions_MotionId",
                table: "voice_decisions",
                column: "MotionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_voice_feedback_AssignedOrganizationId_Status",
                table: "voice_feedback",
                columns: new[] { "AssignedOrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_voice_feedback_RegionCode_ReceivedAt",
                table: "voice_feedback",
                columns: new[] { "RegionCode", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_voice_feedback_TrackingCode",
                table: "voice_feedback",
                column: "TrackingCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_voice_feedback_responses_FeedbackId",
                table: "voice_feedback_responses",
                column: "FeedbackId");

            migrationBuilder.CreateIndex(
                name: "IX_voice_meetings_RegionCode_StartsAt",
                table: "voice_meetings",
                columns: new[] { "RegionCode", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_voice_motions_MeetingId",
                table: "voice_motions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_voice_participants_MeetingId_AccountId",
                table: "voice_participants",
                columns: new[] { "MeetingId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_voice_participants_MeetingId_Name_Household",
                table: "voice_participants",
                columns: new[] { "MeetingId", "Name", "Household" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_voice_ratings_ProviderOrganizationId_Day",
                table: "voice_ratings",
                columns: new[] { "ProviderOrganizationId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_voice_ratings_Subject_SubjectId",
                table: "voice_ratings",
                columns: new[] { "Subject", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_voice_ratings_VillageCode_Day",
                table: "voice_ratings",
                columns: new[] { "VillageCode", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_voice_rules_DecisionId",
                table: "voice_rules",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_voice_rules_ElderId",
                table: "voice_rules",
                column: "ElderId");

            migrationBuilder.CreateIndex(
                name: "IX_voice_tallies_MotionId",
                table: "voice_tallies",
                column: "MotionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_voice_topics_RegionCode_Status",
                table: "voice_topics",
                columns: new[] { "RegionCode", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "voice_ballots");

            migrationBuilder.DropTable(
                name: "voice_feedback_responses");

            migrationBuilder.DropTable(
                name: "voice_ratings");

            migrationBuilder.DropTable(
                name: "voice_rules");

            migrationBuilder.DropTable(
                name: "voice_tallies");

            migrationBuilder.DropTable(
                name: "voice_topics");

            migrationBuilder.DropTable(
                name: "voice_participants");

            migrationBuilder.DropTable(
                name: "voice_feedback");

            migrationBuilder.DropTable(
                name: "voice_decisions");

            migrationBuilder.DropTable(
                name: "voice_motions");

            migrationBuilder.DropTable(
                name: "voice_meetings");
        }
    }
}
