// A hand-trimmed slice of Graph's v1.0 metadata for the mock's unit tests: users and groups with
// non-contained `members` and the navigation Graph keeps as its reverse (`memberOf`, `directReports`), delta functions, a media entity, and drive items with upload sessions.
// Names and shapes follow metadata/v1.0-cleanMetadata.xml, so paths and permissions match Graph's.
// The consumer test (test/package) runs the mock on the full file.
import { csdl } from "../../support/csdl-builder.js";

const COMPUTED = `<Annotation Term="Org.OData.Core.V1.Computed" Bool="true" />`;

export const DIRECTORY_CSDL = csdl({
  namespace: "microsoft.graph",
  alias: "graph",
  body: `
      <EnumType Name="userType"><Member Name="member" Value="0" /><Member Name="guest" Value="1" /></EnumType>
      <ComplexType Name="uploadSession">
        <Property Name="expirationDateTime" Type="Edm.DateTimeOffset" />
        <Property Name="nextExpectedRanges" Type="Collection(Edm.String)" />
        <Property Name="uploadUrl" Type="Edm.String" />
      </ComplexType>
      <ComplexType Name="file"><Property Name="mimeType" Type="Edm.String" /></ComplexType>
      <ComplexType Name="folder"><Property Name="childCount" Type="Edm.Int32" /></ComplexType>
      <ComplexType Name="itemReference">
        <Property Name="driveId" Type="Edm.String" />
        <Property Name="id" Type="Edm.String" />
        <Property Name="name" Type="Edm.String" />
        <Property Name="path" Type="Edm.String" />
      </ComplexType>
      <ComplexType Name="driveItemUploadableProperties">
        <Property Name="name" Type="Edm.String" />
      </ComplexType>
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="directoryObject" BaseType="graph.entity" OpenType="true">
        <Property Name="deletedDateTime" Type="Edm.DateTimeOffset" />
      </EntityType>
      <EntityType Name="profilePhoto" BaseType="graph.entity" HasStream="true">
        <Property Name="height" Type="Edm.Int32" />
        <Property Name="width" Type="Edm.Int32" />
      </EntityType>
      <EntityType Name="user" BaseType="graph.directoryObject" OpenType="true">
        <Property Name="accountEnabled" Type="Edm.Boolean" />
        <Property Name="createdDateTime" Type="Edm.DateTimeOffset">${COMPUTED}</Property>
        <Property Name="department" Type="Edm.String" />
        <Property Name="displayName" Type="Edm.String" />
        <Property Name="mail" Type="Edm.String" />
        <Property Name="userType" Type="graph.userType" />
        <NavigationProperty Name="directReports" Type="Collection(graph.directoryObject)" />
        <NavigationProperty Name="drive" Type="graph.drive" />
        <NavigationProperty Name="manager" Type="graph.directoryObject" />
        <NavigationProperty Name="memberOf" Type="Collection(graph.directoryObject)" />
        <NavigationProperty Name="ownedObjects" Type="Collection(graph.directoryObject)" />
        <NavigationProperty Name="transitiveMemberOf" Type="Collection(graph.directoryObject)" />
        <NavigationProperty Name="photo" Type="graph.profilePhoto" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="group" BaseType="graph.directoryObject" OpenType="true">
        <Property Name="createdDateTime" Type="Edm.DateTimeOffset">${COMPUTED}</Property>
        <Property Name="displayName" Type="Edm.String" />
        <Property Name="mailEnabled" Type="Edm.Boolean" />
        <Property Name="mailNickname" Type="Edm.String" />
        <Property Name="securityEnabled" Type="Edm.Boolean" />
        <NavigationProperty Name="memberOf" Type="Collection(graph.directoryObject)" />
        <NavigationProperty Name="members" Type="Collection(graph.directoryObject)" />
        <NavigationProperty Name="owners" Type="Collection(graph.directoryObject)" />
        <NavigationProperty Name="transitiveMembers" Type="Collection(graph.directoryObject)" />
      </EntityType>
      <EntityType Name="drive" BaseType="graph.entity">
        <Property Name="name" Type="Edm.String" />
        <NavigationProperty Name="items" Type="Collection(graph.driveItem)" ContainsTarget="true" />
        <NavigationProperty Name="root" Type="graph.driveItem" />
      </EntityType>
      <EntityType Name="driveItem" BaseType="graph.entity" OpenType="true">
        <Property Name="content" Type="Edm.Stream" />
        <Property Name="file" Type="graph.file" />
        <Property Name="folder" Type="graph.folder" />
        <Property Name="name" Type="Edm.String" />
        <Property Name="parentReference" Type="graph.itemReference" />
        <Property Name="size" Type="Edm.Int64" />
        <NavigationProperty Name="children" Type="Collection(graph.driveItem)" />
      </EntityType>
      <Function Name="delta" IsBound="true">
        <Parameter Name="bindingParameter" Type="Collection(graph.group)" />
        <ReturnType Type="Collection(graph.group)" />
      </Function>
      <Function Name="delta" IsBound="true">
        <Parameter Name="bindingParameter" Type="Collection(graph.user)" />
        <ReturnType Type="Collection(graph.user)" />
      </Function>
      <Action Name="checkMemberGroups" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.directoryObject" />
        <Parameter Name="groupIds" Type="Collection(Edm.String)" Nullable="false" />
        <ReturnType Type="Collection(Edm.String)" />
      </Action>
      <Function Name="reminderView" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.user" />
        <Parameter Name="StartDateTime" Type="Edm.String" Nullable="false" />
        <Parameter Name="EndDateTime" Type="Edm.String" />
        <ReturnType Type="Collection(Edm.String)" />
      </Function>
      <Action Name="createUploadSession" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.driveItem" />
        <Parameter Name="item" Type="graph.driveItemUploadableProperties" />
        <ReturnType Type="graph.uploadSession" />
      </Action>
      <Action Name="renew" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.group" />
        <ReturnType Type="Edm.Boolean" Nullable="false" />
      </Action>
      <EntityContainer Name="GraphService">
        <EntitySet Name="users" EntityType="graph.user" />
        <EntitySet Name="groups" EntityType="graph.group">
          <NavigationPropertyBinding Path="members" Target="directoryObjects" />
        </EntitySet>
        <EntitySet Name="directoryObjects" EntityType="graph.directoryObject" />
        <EntitySet Name="drives" EntityType="graph.drive" />
      </EntityContainer>`,
});

/** What the mock tests generate a client and mock for. */
export const DIRECTORY_PATHS = ["/users/**", "/groups/**", "/drives/**"];
