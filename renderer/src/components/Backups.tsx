// 备份与恢复: the store's backups (daily, before imports and migrations, by hand), each checked when made; a
// restore backs up the current ledger first and says what it means for the other offices.
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { request, saveOutgoing } from '../api';
import { change } from '../state';

type Data = ChannelOutput<'backup.list'>;
type Backup = Data['backups'][number];

const REASON: Record<Backup['reason'], string> = { daily: '每日自动', import: '导入同步包前', migration: '升级前', manual: '手动', 'before-restore': '恢复前' };

const size = (n: number) => (n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

export function Backups() {
  const { message, modal } = App.useApp();
  const [data, setData] = useState<Data | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reload = () => void request('backup.list', {}).then(setData, (e: Error) => setError(e.message));
  useEffect(reload, []);

  const backupNow = async () => {
    setBusy(true);
    try {
      const b = await request('backup.create', {});
      message.success(`已备份：${b.file}`);
      setError(null);
      reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  // A copy away from this PC: a backup in the same folder as the ledger is lost with the disk.
  const keep = async (b: Backup) => {
    try {
      const { file } = await request('backup.export', { file: b.file });
      if (await saveOutgoing(file)) message.success(`已另存：${file.name}`);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const restore = (b: Backup) =>
    modal.confirm({
      title: `恢复到 ${b.at} 的备份？`,
      width: 560,
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      content: (
        <Space direction="vertical">
          <Typography.Text>恢复前会先把当前台账备份一份，随时可以再恢复回来。</Typography.Text>
          <Typography.Text>该时间之后在本机所做的修改将不在台账中；其中已发给其他单位的，可从对方的同步包重新导入。</Typography.Text>
          <Typography.Text>恢复后本机启用新的密钥：其他单位导入本机下一个同步包时，须与本机核对新的指纹。</Typography.Text>
        </Space>
      ),
      onOk: async () => {
        let fp = '';
        const err = await change(async () => {
          fp = (await request('backup.restore', { file: b.file })).fingerprint;
        });
        setError(err);
        if (!err) {
          modal.success({ title: '已恢复', content: `本机新的密钥指纹：${fp}。请告知其他单位，以便核对。` });
          reload();
        }
      },
    });

  return (
    <Card
      size="small"
      title="备份与恢复"
      data-testid="backups"
      extra={
        <Button size="small" loading={busy} onClick={() => void backupNow()} data-testid="backup-now">
          立即备份
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        每天首次启动、导入同步包前和程序升级前自动备份，每份备份都做完整性检查；保留最近 30 份及每月第一份。备份位置：{data?.dir}。备份与台账在同一块硬盘上，请定期“另存到U盘”保管一份。
      </Typography.Paragraph>
      {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
      <Table<Backup>
        size="small"
        rowKey="file"
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        dataSource={data?.backups ?? []}
        locale={{ emptyText: '还没有备份' }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170 },
          { title: '类型', key: 'r', width: 120, render: (_, b) => <Tag>{REASON[b.reason]}</Tag> },
          { title: '大小', key: 's', width: 90, align: 'right', render: (_, b) => size(b.size) },
          { title: '文件', dataIndex: 'file' },
          {
            title: '',
            key: 'a',
            width: 190,
            render: (_, b) => (
              <Space size={4}>
                <Button size="small" onClick={() => void keep(b)} data-testid="backup-save">
                  另存到U盘
                </Button>
                <Button size="small" onClick={() => restore(b)} data-testid="backup-restore">
                  恢复
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
