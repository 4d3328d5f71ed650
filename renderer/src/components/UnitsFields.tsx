import { Form, Select, Space } from 'antd';
import { useLedger } from '../state';

/** 牵头单位 (required) and 配合单位, picked from the unit directory. */
export function UnitsFields() {
  const units = useLedger((s) => s.units);
  const options = units.map((u) => ({ value: u.name, label: u.name }));
  return (
    <Space wrap>
      <Form.Item name="leadUnits" label="牵头单位" rules={[{ required: true, message: '请至少选择一个牵头单位' }]}>
        <Select mode="multiple" showSearch style={{ width: 270 }} options={options} />
      </Form.Item>
      <Form.Item name="coUnits" label="配合单位">
        <Select mode="multiple" showSearch style={{ width: 270 }} options={options} />
      </Form.Item>
    </Space>
  );
}
