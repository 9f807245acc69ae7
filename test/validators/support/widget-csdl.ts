// A small metadata document with one property per validation rule, shared by the rule tests.
export const WIDGET_CSDL = `
      <EnumType Name="color">
        <Member Name="red" Value="0" /><Member Name="green" Value="1" /><Member Name="blue" Value="2" />
      </EnumType>
      <EnumType Name="switchMode">
        <Member Name="auto" Value="0" /><Member Name="Auto" Value="1" /><Member Name="manual" Value="2" />
      </EnumType>
      <EnumType Name="access" IsFlags="true">
        <Member Name="none" Value="0" /><Member Name="read" Value="1" /><Member Name="write" Value="2" />
      </EnumType>
      <ComplexType Name="shape" Abstract="true">
        <Property Name="label" Type="Edm.String" />
      </ComplexType>
      <ComplexType Name="circle" BaseType="graph.shape">
        <Property Name="radius" Type="Edm.Double" Nullable="false" />
      </ComplexType>
      <ComplexType Name="square" BaseType="graph.shape">
        <Property Name="side" Type="Edm.Int32" />
      </ComplexType>
      <ComplexType Name="bag" OpenType="true">
        <Property Name="name" Type="Edm.String" />
      </ComplexType>
      <ComplexType Name="dict" OpenType="true" />
      <ComplexType Name="node">
        <Property Name="child" Type="graph.node" />
        <Property Name="value" Type="Edm.Int32" />
      </ComplexType>
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="widget" BaseType="graph.entity">
        <Property Name="name" Type="Edm.String" Nullable="false" />
        <Property Name="str" Type="Edm.String" MaxLength="5" />
        <Property Name="flag" Type="Edm.Boolean" />
        <Property Name="byte" Type="Edm.Byte" />
        <Property Name="sbyte" Type="Edm.SByte" />
        <Property Name="int16" Type="Edm.Int16" />
        <Property Name="int32" Type="Edm.Int32" />
        <Property Name="int64" Type="Edm.Int64" />
        <Property Name="decimal" Type="Edm.Decimal" />
        <Property Name="single" Type="Edm.Single" />
        <Property Name="double" Type="Edm.Double" />
        <Property Name="guid" Type="Edm.Guid" />
        <Property Name="date" Type="Edm.Date" />
        <Property Name="dateTime" Type="Edm.DateTimeOffset" />
        <Property Name="timeOfDay" Type="Edm.TimeOfDay" />
        <Property Name="duration" Type="Edm.Duration" />
        <Property Name="binary" Type="Edm.Binary" />
        <Property Name="content" Type="Edm.Stream" />
        <Property Name="location" Type="Edm.GeographyPoint" />
        <Property Name="area" Type="Edm.Geography" />
        <Property Name="anything" Type="Edm.Untyped" />
        <Property Name="created" Type="Edm.DateTimeOffset">
          <Annotation Term="Org.OData.Core.V1.Computed" Bool="true" />
        </Property>
        <Property Name="code" Type="Edm.String">
          <Annotation Term="Org.OData.Core.V1.Immutable" Bool="true" />
        </Property>
        <Property Name="color" Type="graph.color" />
        <Property Name="access" Type="graph.access" />
        <Property Name="tags" Type="Collection(Edm.String)" Nullable="false" />
        <Property Name="shapes" Type="Collection(graph.shape)" />
        <Property Name="shape" Type="graph.shape" />
        <Property Name="onlyCircle" Type="graph.shape">
          <Annotation Term="Org.OData.Validation.V1.DerivedTypeConstraint">
            <Collection><String>microsoft.graph.circle</String></Collection>
          </Annotation>
        </Property>
        <Property Name="bag" Type="graph.bag" />
        <Property Name="node" Type="graph.node" />
        <Property Name="dict" Type="graph.dict" />
        <Property Name="constructor" Type="Edm.String" />
        <NavigationProperty Name="owner" Type="graph.widget" />
        <NavigationProperty Name="parts" Type="Collection(graph.widget)" />
      </EntityType>
      <EntityContainer Name="service">
        <EntitySet Name="widgets" EntityType="graph.widget">
          <Annotation Term="Org.OData.Capabilities.V1.InsertRestrictions">
            <Record>
              <PropertyValue Property="RequiredProperties">
                <Collection><PropertyPath>name</PropertyPath></Collection>
              </PropertyValue>
            </Record>
          </Annotation>
        </EntitySet>
      </EntityContainer>`;
